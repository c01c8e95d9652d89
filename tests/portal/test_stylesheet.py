"""The site's stylesheet names its colours: every colour is a token of :root (checked for contrast
once, in one place), and the rules below use the tokens."""

import pathlib
import re

STYLESHEET = pathlib.Path(__file__).resolve().parents[2] / "static" / "css" / "kompeten.css"
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(")


def test_colours_are_tokens_of_root():
    text = STYLESHEET.read_text(encoding="utf-8")
    root_end = text.index("}", text.index(":root"))
    raw = [line for line in text[root_end:].splitlines() if COLOUR.search(line)]
    assert raw == []


PROGRESS = STYLESHEET.with_name("progress.css")
TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "templates"
TOKEN = re.compile(r"--([a-z-]+):\s*([^;]+);")


def test_the_progress_bar_uses_the_sites_tokens():
    """The progress bar's stylesheet also serves the admin, which lacks the site's :root; its colours
    are copies of the site's tokens of the same names, and must stay equal to them."""
    site = dict(TOKEN.findall(STYLESHEET.read_text(encoding="utf-8")))
    own = dict(TOKEN.findall(PROGRESS.read_text(encoding="utf-8")))
    assert own and all(site[name] == value for name, value in own.items()), own


def test_there_is_one_progress_bar():
    """Every progress bar of the site and of the admin is the one include."""
    one = TEMPLATES / "includes" / "progress.html"
    others = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if path != one and re.search(r"<progress|role=\"progressbar\"", path.read_text(encoding="utf-8"))
    ]
    assert others == []
