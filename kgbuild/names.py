"""The forms names are compared in: folded text, and a key shared by transliteration variants."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .text import clean_text

_ENDINGS = re.compile(r"(?:iy|yy|ii|yi|y|i)$")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, accents, punctuation and a leading "the" removed: the form names are compared in."""
    s = unicodedata.normalize("NFKD", clean_text(text))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s-]", " ", s).replace("-", " ")
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


def translit_key(name: str) -> str:
    """A key under which transliteration variants of one name coincide.

    Zelensky / Zelenskyy / Zelenskiy, Dmitry / Dmitriy / Dmitri, Yuri / Yury, Podolyak / Podoliak,
    Dmitriev / Dmitriyev all fold together; single letters (middle initials) are dropped.
    """
    words = [w for w in fold(name).split() if len(w) > 1 or not w.isalpha()]
    out = []
    for w in words:
        w = w.replace("kh", "h").replace("iy", "i").replace("ya", "ia").replace("yu", "iu")
        if len(w) > 3:
            w = w.replace("ye", "e").replace("j", "y")
            w = w[0] + w[1:-1].replace("y", "i") + w[-1]
            w = _ENDINGS.sub("y", w)
        out.append(w)
    return " ".join(out)


def without_article(text: str, articles: frozenset[str] = frozenset({"the"})) -> str:
    """'the Kremlin' → 'Kremlin' (a leading article, as in grammar.json's `articles`)."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in articles else text


def name_words(name: str, suffixes: set[str]) -> list[str]:
    """The words of a person's name key without a trailing suffix ('Jr.', 'III'): the last is the surname."""
    words = translit_key(name).split()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return words


def entity_key(name: str, etype: str) -> str:
    """The graph key of an entity: its type and the transliteration-folded canonical name."""
    base = (translit_key(name) if etype == "Person" else "") or fold(name) or name
    return f"{etype.lower()}:{base}"


BLOCK = "~"  # Name keys of surname blocks start with this (a user's folded text never does)


def surname_block(surname: str) -> str:
    """The Name key under which spelling variants of `surname` are looked for."""
    return BLOCK + surname[:2]
