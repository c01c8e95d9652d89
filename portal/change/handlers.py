"""Reactions of the change hub to Wagtail's events (connected in apps.py)."""


def must_read_published(sender, instance, **kwargs) -> None:
    """A must-read article was published (now, or by the scheduler at its go-live time): tell the
    employees it is meant for, once per article, in the publishing transaction."""
    from .services.notifying import article_published_notify

    article_published_notify(article=instance)
