"""How titles and organisers are compared: case and spacing ignored (the stored keys of outside
activities and plan items, and the duplicate check)."""


def folded(text: str) -> str:
    """A title or organiser as the duplicate check compares it: case and spacing ignored."""
    return " ".join(text.casefold().split())
