"""Demo content of the change hub, for `seed_demo`: articles, FAQ, stories, events and a pulse survey."""

from . import events, hub, surveys


def seed() -> None:
    """Create the hub's demo material and the demo employees' part in it (idempotent)."""
    hub.seed()
    events.seed()
    surveys.seed()
