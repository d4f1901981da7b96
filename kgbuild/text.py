"""Text as kgbuild reads it: one normal form, made before anything else looks at the text.

Control characters (NUL, terminal escapes) and characters nobody can see (zero-width space,
joiner and non-joiner, byte-order mark, soft hyphen, bidirectional marks, word joiner — Unicode
category Cf — and the other default-ignorable code points: variation selectors, Hangul fillers,
the combining grapheme joiner; and the Braille blank) are removed; other spaces (no-break,
thin, ideographic) become a plain space; line ends become `\\n`; lone surrogates are replaced.
So "Dmit\\u200briev" is "Dmitriev" for the tokenizer, the name keys and the graph alike, and no
name can hide a character a reader cannot see.
"""

from __future__ import annotations

import re

import regex  # for \p{Cf}: the standard library's re has no Unicode categories

# control characters, format characters (Cf) and the other code points fonts draw as nothing
# (Default_Ignorable_Code_Point: variation selectors, Hangul fillers, combining grapheme joiner...),
# and the Braille blank
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]")
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")  # category Zs but the plain space
_LINES = re.compile("\r\n?|[\u2028\u2029\x85]")


def clean_text(text: str) -> str:
    """The normal form of `text` (see the module's docstring)."""
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    text = _LINES.sub("\n", text)
    text = _CONTROL.sub("", text)
    return _SPACES.sub(" ", text)


def clean_line(text: str) -> str:
    """`clean_text` for a value that is one line (a name, a title): whitespace runs become one space."""
    return " ".join(clean_text(text).split())
