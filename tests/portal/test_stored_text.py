"""Stored text is shown in the reader's language, and never breaks a page."""

import datetime

from django.utils import translation
from django.utils.translation import gettext_noop

from portal import stored_text


def test_source_renders_in_the_active_language():
    value = stored_text.source(gettext_noop("Bahasa Indonesia"))
    with translation.override("en"):
        assert stored_text.render(value) == "Indonesian"
    with translation.override("id"):
        assert stored_text.render(value) == "Bahasa Indonesia"


def test_parameters_are_filled_and_nested_sources_translated():
    value = stored_text.source("%(lang)s: %(n)s", lang=stored_text.source("Bahasa Indonesia"), n=3)
    with translation.override("id"):
        assert stored_text.render(value) == "Bahasa Indonesia: 3"


def test_a_message_whose_parameters_do_not_fit_falls_back_to_the_source():
    assert stored_text.render({"msgid": "%(x)s", "params": {"x": 1}}) == "1"
    assert stored_text.render({"msgid": "plain 100%%", "params": {"y": 1}}) == "plain 100%"


def test_show_prefers_the_source_and_keeps_typed_text_without_one():
    assert stored_text.show("diketik HR", {}) == "diketik HR"
    assert stored_text.show("diketik HR", None) == "diketik HR"
    with translation.override("id"):
        assert stored_text.show("lama", stored_text.source("Bahasa Indonesia")) == "Bahasa Indonesia"


def test_a_date_parameter_and_lines_are_written_in_the_readers_language():
    due = stored_text.source("Selesaikan paling lambat %(due)s.", due=stored_text.date(datetime.date(2026, 12, 5)))
    text = stored_text.lines(stored_text.source("Pelatihan terlambat: %(count)s", count=1), "", due)
    with translation.override("id"):
        assert stored_text.render(text) == "Pelatihan terlambat: 1\n\nSelesaikan paling lambat 5 Desember 2026."
    with translation.override("en"):
        assert stored_text.render(text).endswith("5 December 2026.")
        assert stored_text.render(text).startswith("Overdue training: 1\n\n")
