"""Text written now and read later, in the reader's language.

A gap's reason, an assignment's reason, a notification or an import error is written once (often
by a task, with Indonesian active) and read many times, by people who may have chosen English.
Such text is stored twice: as the words written then (for exports, search and rows older than this
module) and as its *source*, the untranslated message and its parameters, from which it is
rendered in the reader's language each time it is shown.

    source = stored_text.source(gettext_noop("Nilai %(level)s di bawah harapan"), level=2)
    gap.reason = stored_text.render(source)        # the words, in the active language
    gap.reason_source = source                      # JSONField(default=dict, blank=True)
    ...
    stored_text.show(gap.reason, gap.reason_source) # in the reader's language

Mark each message with ``gettext_noop`` where it is written, so ``makemessages`` finds it.
A parameter may itself be a source (``{"msgid": ..., "params": ...}``) and is then translated too,
or a date (``stored_text.date(day)``), written out in the reader's language ("5 December 2026").
A text of several lines (a weekly digest) is ``stored_text.lines(source, "", source, ...)``.
Free text someone typed (HR's own reason) has no source and is shown as typed.
"""

import datetime
from functools import lru_cache
from typing import Any

from django.utils import formats
from django.utils.translation import get_language, gettext

Source = dict[str, Any]


def source(msgid: str, **params: Any) -> Source:
    """The untranslated message and its parameters, as kept in a JSONField."""
    return {"msgid": msgid, "params": params} if params else {"msgid": msgid}


def date(value: datetime.date) -> Source:
    """A date parameter, shown as people here write it ("5 Desember 2026") in the reader's language."""
    return {"date": value.isoformat()}


def lines(*parts: Source | str) -> Source:
    """A text of several lines, each a source or plain words ("" for an empty line)."""
    return {"lines": list(parts)}


@lru_cache(maxsize=4096)
def _date_words(iso: str, language: str | None) -> str:
    # A run of reminders writes the same few dates thousands of times; `language` keys the cache.
    return formats.date_format(datetime.date.fromisoformat(iso), "j F Y")


def _param(value: Any) -> Any:
    if isinstance(value, dict):
        if "date" in value:
            return _date_words(value["date"], get_language())
        return render(value)
    return value


def render(value: Source | None) -> str:
    """`value` in the active language; "" for an empty source."""
    if not value:
        return ""
    if "lines" in value:
        return "\n".join(_param(part) for part in value["lines"])
    if not value.get("msgid"):
        return ""
    msgid = value["msgid"]
    params = {name: _param(param) for name, param in (value.get("params") or {}).items()}
    text = gettext(msgid)
    if not params:
        return text
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        # A translation that names a parameter the message lacks must not break the page.
        return msgid % params


def show(stored: str, value: Source | None) -> str:
    """What to show: the source in the active language when there is one, else the stored words."""
    return render(value) or stored
