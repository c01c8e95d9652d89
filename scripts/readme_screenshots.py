"""Take the README's screenshots from a running portal with demo data (`make run`).

Usage: .venv/bin/python scripts/readme_screenshots.py [BASE_URL]
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        page.goto(BASE + "/")
        page.screenshot(path=OUT / "home.png", full_page=True)
        page.goto(BASE + "/accounts/login/")
        page.fill("input[name=login]", "pegawai")
        page.fill("input[name=password]", "pangkalpinang")
        page.click("form button[type=submit]:has-text('Masuk')")
        page.wait_for_url("**/dasbor/")
        page.screenshot(path=OUT / "dashboard.png", full_page=True)
        page.goto(BASE + "/perubahan/")
        page.screenshot(path=OUT / "change-hub.png", full_page=True)
        page.goto(BASE + "/notifikasi/")
        page.screenshot(path=OUT / "notifications.png", full_page=True)
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(BASE + "/")
        phone.screenshot(path=OUT / "home-phone.png", full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
