"""A bounded fuzz run of extraction: texts built from the pieces news is made of, broken on purpose.
No case may raise or hang; each document yields its facts or one problem.  CI runs
KGBUILD_FUZZ_EXAMPLES (default 300) cases; set it higher locally for a longer run."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.documents import Document
from kgbuild.pipeline import extract

PIECES = [
    "US envoy",
    "President",
    "Foreign Minister",
    "Secretary of State",
    "J.",
    "A",
    "f",
    ".",
    "-",
    '"',
    "'s",
    "met",
    "with",
    "held talks with",
    "in",
    "Moscow",
    "Russian",
    "Kyiv",
    "Steve",
    "Witkoff",
    "Ola",
    "Eide",
    "talks",
    "envoy",
    "the",
    "and",
    ",",
    "Z",
    "é",
    "##",
    "@",
    "(",
    ")",
    "\n",
    "\n\n",
    "Meets",
    "Readout",
    "His Highness",
    "Sheikh",
    "Brig. Gen.",
    "Jr.",
    "they",
    "he",
    "the Secretary",
    "said",
    "no meeting",
    "by phone",
    "between",
    "Bavarian",
    "mayor",
    "<script>",
    "MATCH (n) DETACH DELETE n",
    "\x00",
    "\x1b[31m",
    "\ud800",
    "\u2028",
    "—",
    "“",
    "”",
    ":",
    ";",
    "'",
    "Published on 2025-11-30",
    "Secretary Lopez's Call With",
    "\u200b",
    "\u00ad",
    "\ufeff",
    "\u200e",
    "\u202e",
    "\u00a0",
    "Dmit\u200briev",
    "Kirill\u2060Dmitriev",
]

text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=80).map(" ".join)


@settings(
    max_examples=int(os.environ.get("KGBUILD_FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(text, min_size=1, max_size=4))
def test_extraction_never_fails_on_odd_text(texts):
    docs = [Document(path=f"{k}.txt", text=t, published="2025-11-30") for k, t in enumerate(texts)]
    problems = []
    out = list(extract(docs, on_problem=problems.append))
    assert not problems, problems
    assert [x.document.path for x in out] == [d.path for d in docs]
    for x in out:
        for f in x.facts:
            assert f.subject != f.object and 0 < f.confidence <= 1
            assert x.document.text[f.start : f.end].strip() == f.sentence
        names = [e.name for e in x.entities] + [r.name for f in x.facts for r in (f.subject, f.object)]
        assert not [n for n in names if any(unicodedata.category(c) in ("Cf", "Cc") for c in n)]
