"""`kg_lines`: sentence starts after headline, dateline and label lines, set before the parser."""

from __future__ import annotations

import calendar

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..rules import Knowledge, Rules, load_rules

DASHES = ("-", "–", "—")
HEADING_WORDS = 8  # a line this short with no closing mark is a heading, a dateline or a label
DATELINE_TAIL = 10  # tokens of date and agency a dateline may carry after its place
MONTHS = {m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:]} | {"sept"}
KNOWLEDGE = {"data": None, "aliases": None}  # a component's config: the user's data folder and alias file


@Language.factory(
    "kg_lines",
    default_config=KNOWLEDGE,
    assigns=["token.is_sent_start"],
    requires=["token.is_space"],
)
def make_line_breaks(nlp: Language, name: str, data: str | None, aliases: str | None):
    return LineBreaks(load_rules(Knowledge(data, aliases)))


class LineBreaks:
    """Sentences start after a line that ends one: a headline, a dateline, 'Readout', or a line
    ending in . ! ? : and the like.  (Lines of hard-wrapped prose run on.)  Runs before the parser,
    which keeps these boundaries: a headline is never glued to the first sentence."""

    def __init__(self, rules: Rules):
        self.ends = rules.words("grammar", "line_end_marks")

    def __call__(self, doc: Doc) -> Doc:
        line_start, first_line = 0, True
        self._after_dateline(doc, 0)
        for tok in doc:
            if not (tok.is_space and "\n" in tok.text):
                continue
            self._after_dateline(doc, tok.i + 1)
            line = [t for t in doc[line_start : tok.i] if not t.is_space]
            nxt = tok.i + 1
            if line and nxt < len(doc) and not doc[nxt].is_space and self._ends_sentence(line, first_line):
                doc[nxt].is_sent_start = True
            if line:
                first_line = False
            line_start = nxt
        return doc

    @staticmethod
    def _after_dateline(doc: Doc, start: int) -> None:
        """A paragraph opening with a wire dateline ('TOKYO - ', 'NEW YORK, Oct 3 (Reuters) -',
        'OSLO, March 2, 2026 -': a place in capitals, then perhaps a date and an agency) has its
        sentence start after the dash: the parser then reads 'South Korean Foreign Minister Park
        met ...' as the sentence it is."""
        j = start
        while j < len(doc) and ((doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1) or doc[j].text == ","):
            j += 1
        if j == start or not (doc[j - 1].is_alpha or doc[j - 1].text == ","):
            return
        end = min(len(doc), j + DATELINE_TAIL)
        while j < end and doc[j].text not in DASHES and _dateline_word(doc[j]):
            j += 1
        if j < end and j + 1 < len(doc) and doc[j].text in DASHES:
            doc[j + 1].is_sent_start = True

    def _ends_sentence(self, line: list, first: bool) -> bool:
        words = sum(1 for t in line if t.is_alpha)
        return line[-1].text in self.ends or first or words <= HEADING_WORDS


def _dateline_word(tok: Token) -> bool:
    """A token of a dateline's date or agency: 'Oct', '3', '2026', ',', '.', '(Reuters)'."""
    return (
        tok.text in ",.()"
        or tok.like_num
        or tok.lower_.rstrip(".") in MONTHS
        or (tok.is_title and tok.i > 0 and tok.doc[tok.i - 1].text == "(")
    )
