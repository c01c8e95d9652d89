def seed() -> None:
    pass
