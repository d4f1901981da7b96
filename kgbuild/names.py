"""The forms names are compared in: folded text, a key shared by transliteration variants, and the
key of a person (particles and nicknames as `data/names.json` says)."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from .text import clean_text

_ENDINGS = re.compile(r"(?:iy|yy|ii|yi|y|i)$")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case, accents, punctuation and a leading "the" removed: the form names are compared in."""
    s = unicodedata.normalize("NFKD", clean_text(text))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’ʼ‘`]", "'", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<=\w)'(?=\w)", "", s)  # Sa'ar is Saar, O'Brien Obrien
    s = re.sub(r"[^\w\s-]", " ", s).replace("-", " ")
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") else s


_LATIN = str.maketrans({"ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "ħ": "h"})
_LATIN_PAIRS = {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th"}


def latin(text: str) -> str:
    """The letters accent-stripping leaves as they are, in plain Latin: Yıldız → Yildiz, Søren → Soren,
    Łukasz → Lukasz, Straße → Strasse (an extra spelling for Name keys and lookups; `fold` and graph
    keys are unchanged)."""
    text = text.translate(_LATIN)
    for letter, plain in _LATIN_PAIRS.items():
        text = text.replace(letter, plain)
    return text


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


@cache
def _naming() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, str], dict[str, str]]:
    """(particles as written, particle keys, particles that may be given names, nickname keys → the
    given name's key, patronymic keys → the one they are read as)."""
    data = json.loads(resources.files("kgbuild.data").joinpath("names.json").read_text(encoding="utf-8"))
    nicknames = {translit_key(short): translit_key(full) for short, full in data["nicknames"].items()}
    patronymics = {translit_key(word): translit_key(same) for word, same in data["patronymics"].items()}
    raw = frozenset(data["particles"])
    given = frozenset(translit_key(p) for p in data["given_names_too"])
    return raw, frozenset(translit_key(p) for p in raw), given, nicknames, patronymics


def particles() -> frozenset[str]:
    """The particles of names (al, el, bin, de, van, von, le ...), as `data/names.json` lists them."""
    return _naming()[0]


_WORD = re.compile(r"[^\s-]+(?:\s*-(?=\s*[^\s-]))?")  # a word, with the hyphen that joins it to the next


@lru_cache(maxsize=1 << 16)
def person_words(name: str) -> tuple[str, ...]:
    """The words a person's key is made of: transliteration-folded, middle initials dropped, particles
    left out unless one may be a given name too and starts the name written as a word of its own ('Al
    Gore'), the given name for a nickname.  'Abdel Fattah El-Sisi' → (abdel, fattah, sisi); 'Joe Biden' and
    'Joseph R. Biden' → (joseph, biden)."""
    _, particles, given, nicknames, patronymics = _naming()
    words: list[str] = []
    for k, raw in enumerate(_WORD.findall(clean_text(name))):
        key = translit_key(raw.rstrip("-"))
        if not key:
            continue
        particle = key in particles and (raw[:1].islower() or raw.endswith("-") or k > 0 or key not in given)
        if not particle:
            words += key.split()
    if not words:
        return tuple(translit_key(name).split())
    if len(words) == 1:  # 'O.P. Singh' is not the surname alone: its initials are its given name
        initials = "".join(w for w in fold(name).split()[:-1] if len(w) == 1 and w.isalpha())
        words = [initials, *words] if initials else words
    words = [patronymics.get(w, w) for w in words]
    if len(words) > 1 and words[0] in nicknames:
        words[0] = nicknames[words[0]]
    return tuple(words)


def initials(name: str) -> str:
    """The initials a name gives instead of a given name ('D. Okafor' → 'd', 'O.P. Mehra' → 'op'), or ''."""
    words = fold(name).split()
    return "".join(words[:-1]) if len(words) > 1 and all(len(w) == 1 for w in words[:-1]) else ""


def fits_initials(words: tuple[str, ...] | list[str], letters: str) -> bool:
    """Whether a person key's given names ('dmitry', of 'dmitry beliakov') start with these initials."""
    return "".join(w[0] for w in words[:-1]).startswith(letters)


def stands_alone(words: tuple[str, ...] | list[str], n: int) -> bool:
    """Whether the last `n` words of a person's key can stand alone for the person: not when a
    patronymic word comes before them ('salman' of 'mohammed bin salman' is his father's name)."""
    return n < len(words) and words[-n - 1] not in _patronymic_words()


@cache
def _patronymic_words() -> frozenset[str]:
    return frozenset(_naming()[4].values())


def person_key(name: str) -> str:
    return " ".join(person_words(name))


def without_article(text: str, articles: frozenset[str] = frozenset({"the"})) -> str:
    """'the Kremlin' → 'Kremlin' (a leading article, as in grammar.json's `articles`)."""
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in articles else text


def name_words(name: str, suffixes: set[str]) -> list[str]:
    """The words of a person's key without a trailing suffix ('Jr.', 'III'): the last is the surname."""
    words = list(person_words(name))
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return words


def entity_key(name: str, etype: str) -> str:
    """The graph key of an entity: its type and the transliteration-folded canonical name."""
    base = (person_key(name) if etype == "Person" else "") or fold(name) or name
    return f"{etype.lower()}:{base}"


BLOCK = "~"  # Name keys of surname blocks start with this (a user's folded text never does)


def surname_block(surname: str) -> str:
    """The Name key under which spelling variants of `surname` are looked for."""
    return BLOCK + surname[:2]
