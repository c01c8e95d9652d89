"""Model instances compared as what they hold: for tests of values kept or read another way."""


def instance_state(instance, depth: int = 3):
    """An instance's fields, what is cached of its relations (to `depth`) and its state, comparable
    with `==` (instances themselves compare by primary key alone)."""
    if instance is None or depth == 0:
        return instance
    fields = {name: value for name, value in vars(instance).items() if name != "_state"}
    related = {name: instance_state(value, depth - 1) for name, value in instance._state.fields_cache.items()}
    return type(instance), fields, related, instance._state.adding, instance._state.db
