"""Catalog search that finds what people type: "wifi" finds "Wi-Fi", "aman" finds "keamanan".

Text and query are normalised the same way (case, accents, punctuation: "Wi-Fi" is "wifi") and each
word is reduced to its Indonesian root candidates by a light stemmer (particles, possessives,
derivational suffixes, and the prefixes di-, ke-, se-, ber-, ter-, me-, pe-, per- with their nasal
forms, which swallow a root's first letter: "menyapu" has the root "sapu", "pelatihan" "latih").
A query word matches a text word when it begins it, or when their roots meet. Every query word must
match (AND). The same rule on SQLite and PostgreSQL, in Python over a catalog's worth of titles.
"""

import re
import unicodedata
from functools import lru_cache

MIN_ROOT = 3
_JOINERS = re.compile(r"(?<=\w)[-'’.](?=\w)")
_NON_WORD = re.compile(r"[^0-9a-z]+")

PARTICLES = ("lah", "kah", "tah", "pun")
POSSESSIVES = ("nya", "ku", "mu")
SUFFIXES = ("kan", "an", "i")
# Prefix → the letters a nasal prefix may have swallowed (tried as well as none).
NASAL_PREFIXES = (
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("meng", ("k", "")),
    ("peng", ("k", "")),
    ("mem", ("p", "")),
    ("pem", ("p", "")),
    ("men", ("t", "")),
    ("pen", ("t", "")),
)
PLAIN_PREFIXES = ("memper", "diper", "ber", "ter", "per", "di", "ke", "se", "me", "pe")
VOWELS = "aeiou"


def normalise(text: str) -> list[str]:
    """Lower-case words without accents or punctuation; joined words ("Wi-Fi", "e-KTP") become one."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    text = _JOINERS.sub("", text)
    return [word for word in _NON_WORD.split(text) if word]


def _strip_end(word: str, endings: tuple[str, ...]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_ROOT:
            return word[: -len(ending)]
    return word


def _prefix_forms(word: str) -> set[str]:
    """The word without one prefix, in every form the prefix allows (or the word itself)."""
    forms = set()
    for prefix, swallowed in NASAL_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ROOT - 1:
            rest = word[len(prefix) :]
            forms.update(letter + rest for letter in swallowed if letter or rest[0] in VOWELS)
    for prefix in PLAIN_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ROOT:
            forms.add(word[len(prefix) :])
    return {form for form in forms if len(form) >= MIN_ROOT}


@lru_cache(maxsize=20_000)
def roots(word: str) -> frozenset[str]:
    """The word and the roots it may have (e.g. "keamanan" → {"keamanan", "keaman", "aman", ...})."""
    if word.isdigit() or len(word) <= MIN_ROOT:
        return frozenset({word})
    base = _strip_end(_strip_end(word, PARTICLES), POSSESSIVES)
    candidates = {word, base}
    unsuffixed = _strip_end(base, SUFFIXES)
    candidates.add(unsuffixed)
    for stem in (base, unsuffixed):
        for form in _prefix_forms(stem):
            candidates.add(form)
            candidates.add(_strip_end(form, SUFFIXES))
            for second in _prefix_forms(form):  # two prefixes: "diper-", "memper-", "ber-…-an"
                candidates.update({second, _strip_end(second, SUFFIXES)})
    return frozenset(candidate for candidate in candidates if len(candidate) >= MIN_ROOT or candidate == word)


def _word_matches(query_word: str, text_words: list[str]) -> bool:
    query_roots = roots(query_word)
    return any(word.startswith(query_word) or query_roots & roots(word) for word in text_words)


def matches(query: str, text: str) -> bool:
    """True when every word of `query` matches a word of `text` (begins it, or shares a root)."""
    query_words = normalise(query)
    if not query_words:
        return True
    text_words = normalise(text) + normalise(_JOINERS.sub(" ", text or ""))  # "e-KTP": "ektp", "e", "ktp"
    return all(_word_matches(word, text_words) for word in query_words)
