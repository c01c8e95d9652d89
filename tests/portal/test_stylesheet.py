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
