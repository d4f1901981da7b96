"""Stage 4, meetings: meeting cues → MET_WITH between counterparts, with status, place and date.

A cue is a meeting verb ("met", "hosted") or event noun ("talks", "a session") outside
quotation marks and away from call/briefing words.  Its clause gives the status (negated cues
are dropped), the place ("in Miami", "the Geneva talks") and the date as written; the
subject and the people after the cue are the two sides ("A met B", "talks between A and B",
"Ukrainian negotiators held talks with B", "he met B").  People on the same side do not meet.
Two delegation lists close together are the two sides of the last meeting mentioned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span, Token

from ..names import fold, without_article
from ..rules import Rules
from .clauses import Clauses
from .reading import Mention, Reading, Side
from .references import References
from .status import Status

CUE_WINDOW = 3  # tokens either side of a cue searched for call/briefing words
POOL_WINDOW = 6  # tokens after a cue searched for 'between'
LIST_DISTANCE = 3  # sentences between two delegation lists of one meeting
TITLE_REACH = 8  # tokens before a name that may belong to its title
PLACE_LABELS = ("GPE", "LOC", "FAC")
PLACE_MODIFIER_DEPS = ("compound", "amod", "nmod")  # "the Geneva talks"
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class Qualifiers:
    place: str | None = None
    date: str | None = None  # as written
    status: str = "held"


@dataclass
class Event:
    """One meeting cue and who stands on each side of it."""

    sent: int
    status: str
    place: str | None
    date: str | None
    before: list[Mention]  # the subject side
    after: list[Mention]  # the people named after the cue
    pool: bool  # 'between A and B': one pool, sides told apart by what each represents
    groups: list[str]  # countries of group subjects: 'Ukrainian negotiators'
    pronoun: bool
    host: str | None = None  # "hosted": the subject is the host ('passive': the agent, after the cue)
    cue: int = -1  # the cue's token
    anchors: tuple[int, ...] = ()  # 'a dinner hosted by A': the cues whose people A hosted
    context: Qualifiers = field(default_factory=Qualifiers)  # the last held meeting's place and date


class Meetings:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.clauses = Clauses(rules)
        self.status = Status(rules)
        self.references = References(rules, self.clauses)
        w = lambda file, entry: rules.words(file, entry)
        self.verbs, self.nouns = w("meetings", "verbs"), w("meetings", "event_nouns")
        self.meet = rules.value("meetings", "meet_verb")
        self.not_meeting, self.pool_preps = w("meetings", "not_meeting"), w("meetings", "pool_prepositions")
        self.pronouns, self.venue = w("grammar", "subject_pronouns"), w("grammar", "venue_prepositions")
        self.articles, self.title_words = w("grammar", "articles"), w("grammar", "title_place_words")
        self.possessive_suffixes = rules.value("grammar", "possessive_suffixes")  # in order
        self.weak_dates = rules.value("grammar", "weak_dates")
        c = rules.confidence
        self.subject_object, self.pronoun_subject = c("met.subject_object"), c("met.pronoun_subject")
        self.delegation_head, self.between_two = c("met.delegation_head"), c("met.between_two")
        self.between_sides, self.lists = c("met.between_sides"), c("met.delegation_lists")
        self.side_pool, self.known_cap = c("side.pool"), c("known.cap")
        self.host_verbs = w("meetings", "host_verbs")
        self.object_verbs = w("meetings", "object_verbs")
        self.joining_verbs, self.joining_adverbs = w("meetings", "joining_verbs"), w("meetings", "joining_adverbs")
        self.hosted, self.hosted_by_country = c("hosted.person"), c("hosted.country")

    def __call__(self, r: Reading) -> None:
        events = self._events(r)
        for ev in events:  # "B met C at a dinner hosted by A": A hosted B and C
            if ev.host == "passive" and not ev.before and ev.anchors:
                hosts = {m.entity for m in ev.after[:1]}
                hosted = [e for e in events if e.cue in ev.anchors]
                people = [m for e in hosted for m in (*e.before, *e.after) if m.entity not in hosts]
                ev.before = list({m.entity: m for m in people}.values())
                for e in hosted:  # the host is not one of the sides of the meeting they host
                    e.after = [m for m in e.after if m.entity not in hosts]
        done: set = set()
        for ev in events:
            self._pairs(r, ev, done)
        self._list_pairs(r, events, done)

    # -- finding cues ---------------------------------------------------------------------------
    def _events(self, r: Reading) -> list[Event]:
        context = Qualifiers()
        events: list[Event] = []
        cues = sorted(set(r.where(LEMMA, self.verbs, ["VERB"])) | set(r.where(LOWER, self.nouns, ["NOUN", "PROPN"])))
        if not cues:
            return events
        quoted, exclude = self.clauses.quoted(r.doc), self._title_tokens(r)
        for i in cues:
            k = r.sent_of[i]
            sent = r.sents[k]
            ev = self._event(r, k, sent, r.doc[i], quoted, exclude)
            if ev is None:
                continue
            if ev.status != "planned" and (ev.place or ev.date):  # a future meeting is not the one reported
                context = Qualifiers(ev.place or context.place, ev.date or context.date, ev.status)
            ev.context = Qualifiers(context.place, context.date, context.status)
            events.append(ev)
        return events

    def _cue(self, r: Reading, sent: Span, tok: Token, quoted: set[int]) -> str | None:
        """'verb' or 'noun' when tok is a meeting cue, else None."""
        kind = (
            "verb"
            if tok.pos_ == "VERB" and r.lemma(tok) in self.verbs
            else "noun"
            if tok.lower_ in self.nouns and tok.pos_ in ("NOUN", "PROPN")
            else None
        )
        if kind is None or tok.i in quoted:
            return None
        if (
            r.lemma(tok) == self.meet
            and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
            and not any(c.dep_ == "agent" for c in tok.children)
        ):
            return None  # "he was met with criticism"
        window = r.doc[max(sent.start, tok.i - CUE_WINDOW) : min(sent.end, tok.i + CUE_WINDOW)]
        return None if any(t.lower_ in self.not_meeting for t in window) else kind

    def _event(self, r: Reading, k: int, sent: Span, tok: Token, quoted: set[int], exclude: set[int]):
        kind = self._cue(r, sent, tok, quoted)
        if kind is None:
            return None
        c0, c1 = self.clauses.start(r.doc, tok.i), self.clauses.end(r, tok.i)
        clause = r.doc[c0:c1]
        gov = tok if kind == "verb" else self.clauses.governor(tok)
        if gov is not None and r.lemma(gov) in self.joining_verbs and self._joined(gov):
            return None  # "A also took part in the meeting": A joined others' meeting
        status = self.status(r, tok, gov, clause)
        if status is None:
            return None
        subj_tokens = self._subject_tokens(tok, kind, gov)
        before, pronoun = self._holders(r, tok, subj_tokens, c0)
        after = self.clauses.participants(r, tok.i + 1, c1)
        if kind == "verb" and r.lemma(tok) in self.object_verbs:  # "visited President A", not "visited A's office"
            objects = {t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree}
            after = [m for m in after if m.span.root.i in objects and m.span.root.dep_ in ("dobj", "conj")]
        return Event(
            sent=k,
            status=status,
            place=self._place(r, clause, exclude, tok),
            date=self._date(r, clause),
            before=before,
            after=after,
            pool=any(t.lower_ in self.pool_preps for t in r.doc[tok.i + 1 : c1][:POOL_WINDOW]),
            groups=self.clauses.group_countries([t for t in subj_tokens if t.i not in r.person_at]),
            pronoun=pronoun,
            host=self._hosting(r, gov),
            cue=tok.i,
            anchors=self._anchors(tok),
        )

    def _hosting(self, r: Reading, verb: Token | None) -> str | None:
        """'active' or 'passive' when the cue is, or hangs from, a hosting verb ('hosted', 'was received by')."""
        if verb is None or r.lemma(verb) not in self.host_verbs:
            return None
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        return "passive" if passive or (verb.dep_ == "acl" and verb.tag_ == "VBN") else "active"

    def _joined(self, verb: Token) -> bool:
        return any(c.lower_ in self.joining_adverbs and c.dep_ == "advmod" for c in verb.children)

    def _anchors(self, tok: Token) -> tuple[int, ...]:
        """'a dinner hosted by A', 'met B at a dinner hosted by A': the noun a hosting participle
        hangs from, and the verb that noun is the place of."""
        if tok.dep_ != "acl" or not any(c.dep_ == "agent" for c in tok.children):
            return ()
        noun = tok.head
        return (noun.i, noun.head.head.i) if noun.dep_ == "pobj" else (noun.i,)

    def _subject_tokens(self, tok: Token, kind: str, gov: Token | None) -> list[Token]:
        """Who holds the meeting: the governing verb's subject, and a possessor ('Putin's meeting')."""
        subj_tokens = self.clauses.subject(gov) if gov is not None else []
        if kind == "noun" and gov is not None and tok in subj_tokens:
            subj_tokens = []
        for p in (c for c in tok.children if c.dep_ == "poss"):
            subj_tokens += list(p.subtree)
        return subj_tokens

    def _holders(self, r: Reading, tok: Token, subj_tokens: list[Token], c0: int) -> tuple[list[Mention], bool]:
        """The people in the subject of a cue, and whether they were found through a reference
        ('he', 'the Secretary', 'they') rather than named there."""
        subj_idx = {t.i for t in subj_tokens}
        named = [m for m in self.clauses.participants(r, c0, tok.i) if m.span.start in subj_idx]
        if named:
            return named, False
        if any(t.lower_ in self.pronouns and t.dep_ in SUBJECT_DEPS for t in subj_tokens):
            found = self.references.pronoun(r, tok.i)
            return ([found], True) if found else ([], False)
        found = self.references.described(r, subj_tokens, tok.i)
        if found:
            return [found], True
        return self.references.group(r, subj_tokens, tok.i), False

    def _place(self, r: Reading, clause: Span, exclude: set[int], trigger: Token) -> str | None:
        """Where: 'in/at/to Miami' in the clause, or 'the Miami meeting'; a city before a country."""
        doc, best = r.doc, None
        for ent in r.ents_in(clause):
            if ent.label_ not in PLACE_LABELS or ent.start in exclude:
                continue
            prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if prev in self.articles and ent.start >= 2:
                prev = doc[ent.start - 2].lower_
            modifies_trigger = ent.root.head.i == trigger.i and ent.root.dep_ in PLACE_MODIFIER_DEPS
            if prev not in self.venue and not modifies_trigger:
                continue
            name = without_article(" ".join(ent.text.split()), self.articles)
            if self.rules.country_names.get(fold(name)) is None:
                return name
            best = best or name
        return best

    def _date(self, r: Reading, clause: Span) -> str | None:
        for ent in r.ents_in(clause):
            if ent.label_ == "DATE" and not self.weak_dates.match(ent.text.strip()):
                text = ent.text
                for suffix in self.possessive_suffixes:
                    text = text.removesuffix(suffix)
                return text
        return None

    def _title_tokens(self, r: Reading) -> set[int]:
        """Tokens of names and titles, where a place names a role, not a venue."""
        out: set[int] = set()
        for m in r.mentions:
            out.update(m.title.role_tokens)
            out.update(range(m.span.start, m.span.end))
        for m in r.mentions:  # places written inside a title: "envoy to the Middle East"
            k = m.span.start - 1
            while (
                k >= 0
                and k >= m.span.start - TITLE_REACH
                and (r.doc[k].ent_type_ or r.doc[k].lower_ in self.title_words or r.doc[k].lower_ in self.rules.roles)
            ):
                out.add(k)
                k -= 1
        return out

    # -- pairing the sides ------------------------------------------------------------------------
    def _pairs(self, r: Reading, ev: Event, done: set) -> None:
        inherit = ev.status != "planned"
        q = Qualifiers(
            ev.place or (ev.context.place if inherit else None),
            ev.date or (ev.context.date if inherit else None),
            ev.status,
        )
        if ev.host:
            self._hosted(r, ev, q)
        if ev.pool and not ev.before:
            self._pool_pairs(r, ev.after, ev.sent, q, done)
            return
        if not ev.after and len(ev.before) > 1:  # "Lavrov and Rubio met in Kuala Lumpur"
            self._pool_pairs(r, ev.before, ev.sent, q, done)
            return
        before, conf, rule = ev.before, self.subject_object, "met.subject_object"
        if ev.pronoun:
            conf, rule = self.pronoun_subject, "met.pronoun_subject"
        if not before and len(ev.groups) == 1:
            before = [m for m in r.mentions if m.entity in r.heads.get(ev.groups[0], [])][:1]
            conf, rule = self.delegation_head, "met.delegation_head"
        for a in before:
            for b in ev.after:
                self._pair(r, a, b, ev.sent, conf.value, rule, q, done)

    def _hosted(self, r: Reading, ev: Event, q: Qualifiers) -> None:
        """HOSTED: 'A hosted B', 'B was received by A', 'Qatar hosted talks between B and C'."""
        hosts, guests = (ev.after[:1], ev.before) if ev.host == "passive" else (ev.before, ev.after)
        extra = {"place": q.place or None, "date_text": q.date or None, "status": q.status or None}
        for h in hosts:
            for g in guests:
                host_side, guest_side = r.country_of(h, self.rules), r.country_of(g, self.rules)
                if h.entity != g.entity and not (host_side and host_side == guest_side):
                    r.fact(
                        (h.entity, "Person"),
                        "HOSTED",
                        (g.entity, "Person"),
                        ev.sent,
                        self.hosted.value,
                        "hosted.person",
                        **extra,
                    )
        if not hosts and ev.host == "active" and len(ev.groups) == 1:
            country = ev.groups[0]
            for g in guests:
                if r.country_of(g, self.rules) != country:
                    r.fact(
                        (country, "Country"),
                        "HOSTED",
                        (g.entity, "Person"),
                        ev.sent,
                        self.hosted_by_country.value,
                        "hosted.country",
                        **extra,
                    )

    def _pair(
        self,
        r: Reading,
        a: Mention,
        b: Mention,
        sent: int,
        conf: float,
        rule: str,
        q: Qualifiers,
        done: set,
        last_sent: int | None = None,
        basis: str = "text",
    ) -> None:
        if a.entity == b.entity:
            return
        ca, cb = r.country_of(a, self.rules), r.country_of(b, self.rules)
        if ca and cb and ca == cb:
            return  # same side of the table
        key = tuple(sorted((a.entity, b.entity)))
        if (key, sent) in done:
            return
        done.add((key, sent))
        r.fact(
            (key[0], "Person"),
            "MET_WITH",
            (key[1], "Person"),
            sent,
            conf,
            rule,
            last_sent=last_sent,
            place=q.place or None,
            date_text=q.date or None,
            status=q.status or None,
            basis=basis,
        )

    def _pool_pairs(self, r: Reading, people: list[Mention], sent: int, q: Qualifiers, done: set) -> None:
        """'a meeting between A and B and C': sides from what each person represents."""
        found: list[Side | None] = []
        last = None
        for m in people:
            last = r.side_of(m, self.rules) or last
            found.append(last)
        sides = [s.name if s else None for s in found]
        if len(people) == 2 and (sides[0] is None or sides[0] != sides[1]):
            self._pair(r, people[0], people[1], sent, self.between_two.value, "met.between", q, done)
            return
        for i, a in enumerate(people):
            for j in range(i + 1, len(people)):
                if sides[i] and sides[j] and sides[i] != sides[j]:
                    # telling the sides apart needed the knowledge files if either side came from them
                    basis = "known" if "known" in (found[i].basis, found[j].basis) else "text"
                    conf = self.between_sides.value if basis == "text" else self.known_cap.value
                    self._pair(r, a, people[j], sent, conf, "met.between", q, done, basis=basis)
                    for m, s in ((a, found[i]), (people[j], found[j])):
                        if not r.sides.get(m.entity):
                            r.sides[m.entity].append(Side(s.name, self.side_pool.value, "met.side", s.type, s.basis))

    def _list_pairs(self, r: Reading, events: list[Event], done: set) -> None:
        """Two sides' delegation lists for the same meeting: everyone on one side met the other."""
        for x, a in enumerate(r.lists):
            for b in r.lists[x + 1 :]:
                if a.country == b.country or b.sent - a.sent > LIST_DISTANCE:
                    continue
                ctx = [e for e in events if e.sent <= b.sent]
                if not ctx:
                    continue
                for pa in a.members:
                    for pb in b.members:
                        self._pair(
                            r,
                            pa,
                            pb,
                            a.sent,
                            self.lists.value,
                            "met.delegation_lists",
                            ctx[-1].context,
                            done,
                            last_sent=b.sent,
                        )
