"""Fixtures of the notification tests: a real SMTP server on a free port, and tasks as published."""

import socket

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """An SMTP server's handler that answers "451 try later" to the first `refuse` messages."""

    def __init__(self, refuse: int = 0) -> None:
        self.refuse = refuse
        self.attempts = 0
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (the handler protocol's name)
        self.attempts += 1
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Server sibuk, coba lagi nanti"
        self.messages.append(envelope)
        return "250 2.0.0 OK"


@pytest.fixture
def smtp_settings(settings):
    """Point Django's SMTP backend at a port on this machine; returns the port (nothing listens yet)."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return port


@pytest.fixture
def smtp_server(smtp_settings):
    """Start a real SMTP server on the configured port: `start(refuse=n)` returns its Sink."""
    from aiosmtpd.controller import Controller

    controllers = []

    def start(refuse: int = 0) -> Sink:
        sink = Sink(refuse=refuse)
        controller = Controller(sink, hostname="127.0.0.1", port=smtp_settings)
        controller.start()
        controllers.append(controller)
        return sink

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def published_tasks():
    """Publish tasks to a throwaway queue instead of running them, and record what was published.

    Each record is the message's headers (task name, eta, …) and its body's arguments.
    """
    import uuid

    from celery.signals import before_task_publish
    from kombu import Exchange, Queue

    from portal.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    published = []

    def record(sender=None, headers=None, body=None, **kwargs):
        published.append({"task": sender, "eta": headers.get("eta"), "args": body[0] if body else None})

    saved = {
        "CELERY_TASK_ALWAYS_EAGER": app.conf.task_always_eager,
        "CELERY_TASK_DEFAULT_QUEUE": app.conf.task_default_queue,
    }
    app.conf.update(CELERY_TASK_ALWAYS_EAGER=False, CELERY_TASK_DEFAULT_QUEUE=queue)
    before_task_publish.connect(record, weak=False)
    try:
        yield published
    finally:
        before_task_publish.disconnect(record)
        app.conf.update(**saved)
        # Declared again on a fresh channel so that deleting it removes its binding as well.
        with app.connection_for_write() as connection:
            throwaway = Queue(queue, Exchange(queue), routing_key=queue)(connection.default_channel)
            throwaway.declare()
            throwaway.purge()
            throwaway.delete()
