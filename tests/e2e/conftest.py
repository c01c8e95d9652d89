"""Browser fixtures for the end-to-end tests: one Chromium per run, a fresh page per test.

The tests run against pytest-django's ``live_server``; Chromium is the system one
(``/usr/bin/chromium``, or ``CHROMIUM_PATH``), driven by Playwright's sync API.
"""

import os
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

# Playwright's sync API keeps an event loop running in the main thread; Django would
# otherwise refuse the ORM calls the fixtures make there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-results" / "e2e"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def playwright_instance(django_db_setup):
    """Playwright, started after the test database exists.

    Between its calls Playwright leaves its event loop marked as running in the main thread.
    Django then takes the thread for async code and hands out *new* connection objects
    (``connections`` is thread-critical: contextvar storage when a loop runs). Those lack
    ``_test_serialized_contents``, so serialized rollback would silently restore nothing
    (no roles, no home page) in every e2e test after the first, whenever other tests made the
    database before the browser started. Point the async-side storage at the same connections.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    sync_side = {alias: connections[alias] for alias in connections}
    with sync_playwright() as p:
        for alias, connection in sync_side.items():
            connections[alias] = connection
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    executable = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    browser = playwright_instance.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell that the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def new_context(browser, request):
    """Open a browser context (e.g. with another viewport); all are closed after the test.

    When the test fails, every page still open is saved as FAILED-<test>-<n>.png first.
    """
    contexts = []

    def make(**kwargs):
        kwargs.setdefault("viewport", DESKTOP)
        kwargs.setdefault("locale", "id-ID")
        context = browser.new_context(**kwargs)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        pages = [page for context in contexts for page in context.pages]
        for number, page in enumerate(pages, start=1):
            try:
                screenshot(page, f"FAILED-{request.node.name}-{number}")
            except Exception as error:  # a diagnostic must not hide the real failure
                print(f"could not save a screenshot of page {number}: {error}")
    for context in contexts:
        context.close()
    live_server_idle()


def live_server_idle(timeout: float = 15.0) -> None:
    """Wait until the live server (a thread of this process) has answered every request the closed
    pages had sent. A request still running when the next test starts (an editor's autosave, say)
    writes during that test and bumps the versions of what it keeps: the likeliest cause of two
    query counts of other tests that each came out wrong once in CI."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(
        thread.name.endswith("(process_request_thread)") and thread.is_alive() for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


def screenshot(page, name: str) -> Path:
    """Save a full-page PNG to <repo>/test-results/e2e/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def autosave_settled(page):
    """Pause as a person does before a footer action, until Wagtail's autosave is not saving.

    Wagtail looks for changes every 500 ms and autosaves about 530 ms after it saw one. On a new page,
    an action sent while the first autosave is on its way is a second POST to the add view, refused
    because the autosave has taken the slug by then, and it starts no workflow."""
    page.wait_for_timeout(1500)
    expect(page.locator("#w-autosave-indicator")).not_to_have_attribute("data-w-autosave-state-value", "saving")
