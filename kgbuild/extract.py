"""One spaCy doc → entities and facts with evidence (names resolved within the document).

Registered as the spaCy component `kg_relations`; it leaves its result in `doc._.kg` as plain
dicts, so it also works with `nlp.pipe(n_process=2)`.  Names are made canonical across
documents afterwards, by `resolve.Resolver`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .lexicon import Lexicon, fold, lexicon, translit_key
from .titles import Actor, Title, TitleReader

if not Doc.has_extension("kg"):
    Doc.set_extension("kg", default=None)

CLAUSE_BREAKERS = {"which", "who", "whom", "whose", "as", "while", "after", "before", "when", "where",
                   "because", "but", "although", "though", "since", "whereas", "if", "unless", "amid"}
SUBORDINATORS = {"before", "after", "while", "when", "because", "although", "though", "since", "whereas",
                 "unless", "until"}
QUOTES = {"\"", "“", "”"}
VENUE_PREPS = {"in", "at", "to", "near", "inside"}  # "talks in Miami"
LOCATIVE_PREPS = VENUE_PREPS | {"from", "into", "outside", "via", "of"}  # a seat of government as a city
REPORTING = {"say", "tell", "add", "report", "write", "note", "announce", "state", "claim", "cite"}
POOL_PREPS = {"between", "among", "involving"}
WEAK_DATES = re.compile(r"^(?:\d+|a|an|the|several|few|many|some)?\s*(?:hours?|days?|weeks?|months?|years?|"
                        r"decades?|minutes?)(?:\s+ago)?$|^(?:\d{4}s?)$", re.IGNORECASE)
SIDE_KINDS = ("leader", "minister", "official", "negotiator", "envoy", "spokesperson", "adviser")
MAX_NAME_CHARS = 80  # longer spans are not names ("Mohammed bin Salman bin Abdulaziz Al Saud" is 40)
MAX_NAME_WORDS = 8


@dataclass
class Mention:
    span: Span
    name: str
    sent: int
    title: Title = field(default_factory=Title)
    entity: str = ""


@dataclass
class Side:
    country: str | None
    confidence: float
    rule: str


@Language.factory("kg_relations")
def make_relation_extractor(nlp: Language, name: str):
    return RelationExtractor(lexicon())


class RelationExtractor:
    """Spacy component: `doc._.kg = {"entities": [...], "facts": [...]}`."""

    def __init__(self, lex: Lexicon):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        if doc._.kg is not None and "error" in doc._.kg:
            return doc
        try:
            doc._.kg = DocumentReader(doc, self.lex).read()
        except Exception as e:  # one bad document must not stop a whole stream of them
            doc._.kg = {"error": f"{type(e).__name__}: {e}"}
        return doc


class DocumentReader:
    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.sents = list(doc.sents)
        self.sent_of = {}
        for k, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = k
        self.mentions: list[Mention] = []
        self.person_at: dict[int, Mention] = {}
        self.facts: list[dict] = []
        self.sides: dict[str, list[Side]] = defaultdict(list)
        self.heads: dict[str, list[str]] = defaultdict(list)  # country -> delegation heads

    # -- entities ------------------------------------------------------------------------------
    def read(self) -> dict:
        self._people()
        reader = TitleReader(self.doc, self.lex, self.person_at)
        for m in self.mentions:
            m.title = reader.read(m)
        self._coordination()
        self._cluster()
        self._title_facts()
        self._delegations()
        self._meetings()
        self._represents()
        return {"entities": self._entities(), "facts": self.facts}

    def _people(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start, ent.end
            while start < end and (self.doc[start].lower_ in self.lex.honorifics
                                   or self.doc[start].lower_ in self.lex.roles
                                   or self.doc[start].lower_ in self.lex.modifiers):
                start += 1
            while end > start and self.doc[end - 1].text in ("'s", "’s", "'", "’", "-"):
                end -= 1
            if start >= end:
                continue
            span = Span(self.doc, start, end, label="PERSON")
            name = " ".join(span.text.split())
            if not is_name(name) or self.lex.country(name) or self.lex.organization(name):
                continue
            m = Mention(span=span, name=name, sent=self.sent_of[start])
            self.mentions.append(m)
            for t in span:
                self.person_at[t.i] = m

    def _coordination(self) -> None:
        """'X's envoy A and son-in-law B', 'presidents A, B and C': B and C share A's title."""
        for prev, m in zip(self.mentions, self.mentions[1:]):
            if prev.sent != m.sent:
                continue
            start = m.title.start if m.title.start is not None else m.span.start
            gap = [t.lower_ for t in self.doc[prev.span.end:start]]
            gap = [g for g in gap if g not in ("'s", "’s")]
            if not gap or any(g not in (",", "and") for g in gap):
                continue
            t, p = m.title, prev.title
            if p.plural and not t.kinds:
                t.kinds, t.country, t.words = list(p.kinds), p.country, list(p.words)
            if t.principal is None and p.principal is not None and (not t.kinds or "kin" in t.kinds
                                                                     or "adviser" in t.kinds):
                t.principal = p.principal
            if t.principal is not None and t.principal.type == "Pronoun":
                t.principal = Actor("Person", prev.name, prev)

    def _cluster(self) -> None:
        """Surname-only and variant mentions join the full name they stand for in this article."""
        full: dict[str, str] = {}
        for m in self.mentions:
            if len(m.name.split()) > 1:
                key = translit_key(m.name)
                full.setdefault(key, m.name)
                if len(m.name) > len(full[key]):
                    full[key] = m.name
        by_word: dict[str, list[str]] = defaultdict(list)
        for key, name in full.items():
            for w in key.split():
                by_word[w].append(name)
        recent: dict[str, int] = {}
        for idx, m in enumerate(self.mentions):
            key = translit_key(m.name)
            if key in full:
                m.entity = full[key]
            elif len(key.split()) == 1 and by_word.get(key):
                cands = by_word[key]
                m.entity = max(cands, key=lambda c: recent.get(c, -1)) if len(cands) > 1 else cands[0]
            else:
                m.entity = m.name
            recent[m.entity] = idx
        for m in self.mentions:  # pronoun principals: the nearest person named before in the sentence
            p = m.title.principal
            if p is not None and p.type == "Pronoun":
                before = [o for o in self.mentions if o.sent == m.sent and o.span.end <= m.span.start
                          and o is not m]
                m.title.principal = Actor("Person", before[-1].entity, before[-1]) if before else None
            elif p is not None and p.type == "Person" and p.mention is not None:
                p.name = p.mention.entity

    # -- facts from titles -----------------------------------------------------------------------
    def _evidence(self, sent_index: int, last: int | None = None) -> dict:
        first = self.sents[sent_index]
        end = self.sents[last if last is not None else sent_index]
        return {"sentence": self.doc.text[first.start_char:end.end_char].strip(),
                "start": first.start_char, "end": end.end_char}

    def _fact(self, subj: tuple[str, str], pred: str, obj: tuple[str, str], sent: int, conf: float,
              rule: str, **extra) -> None:
        if subj == obj:
            return
        self.facts.append({"subject": {"name": subj[0], "type": subj[1]}, "predicate": pred,
                           "object": {"name": obj[0], "type": obj[1]}, "confidence": round(conf, 2),
                           "rule": rule, **self._evidence(sent, extra.pop("last_sent", None)), **extra})

    def _title_facts(self) -> None:
        for m in self.mentions:
            t = m.title
            if t.object_of_role:
                continue
            person = (m.entity, "Person")
            principal = t.principal
            if principal is not None and principal.type == "Person" and principal.name == m.entity:
                principal = None
            foreign_body = t.other_body and not set(t.words) & self.lex.state_roles
            if t.country and not foreign_body:  # not "director of the Open Society in Angola"
                self.sides[m.entity].append(Side(t.country, 0.9 if t.kinds else 0.6, f"{t.source}.country"))
            if principal is not None and principal.type in ("Country", "Organization"):
                country = principal.name if principal.type == "Country" else self.lex.org_country.get(principal.name)
                if country and t.kinds:
                    self.sides[m.entity].append(Side(country, 0.85, f"{t.source}.possessor"))
            if t.leads:
                self.heads[t.leads].append(m.entity)
                self._fact(person, "LEADS", (f"{t.leads} delegation", "Organization"), m.sent, 0.8,
                           f"{t.source}.head_of_delegation")
            for kind in t.kinds:
                if kind == "envoy":
                    target = _actor_ref(principal) or _country_ref(t.country)
                    if target:
                        self._fact(person, "ENVOY_OF", target, m.sent, 0.9 if principal else 0.85,
                                   f"{t.source}.envoy")
                elif kind == "adviser" and principal is not None and principal.type in ("Person", "Organization"):
                    self._fact(person, "ADVISER_OF", _actor_ref(principal), m.sent, 0.85, f"{t.source}.adviser")
                elif kind == "spokesperson":
                    target = _actor_ref(principal) or _org_ref(t.org) or _country_ref(t.country)
                    if target:
                        self._fact(person, "SPOKESPERSON_OF", target, m.sent, 0.85, f"{t.source}.spokesperson")
                if kind == "leader" and t.org and not t.country:
                    self._fact(person, "LEADS", (t.org, "Organization"), m.sent, 0.7, f"{t.source}.leader")

    # -- delegations and meetings ------------------------------------------------------------------
    def _participants(self, start: int, end: int) -> list[Mention]:
        """People named in [start, end) who take part, not principals inside someone's title."""
        out = []
        for m in self.mentions:
            if start <= m.span.start < end and not m.title.object_of_role and not self._is_possessor(m):
                if not out or out[-1].entity != m.entity:
                    out.append(m)
        return out

    def _is_possessor(self, m: Mention) -> bool:
        nxt = m.span.end
        return nxt < len(self.doc) and self.doc[nxt].text in ("'s", "’s", "'", "’") and \
            nxt + 1 < len(self.doc) and not self.doc[nxt + 1].lower_ in self.lex.meetings["event_nouns"]

    def _quoted(self) -> set[int]:
        """Token indices inside quotation marks: quoted speech talks loosely of 'meetings'."""
        inside, out = False, set()
        for t in self.doc:
            if t.text in ("“", "”", "\""):
                inside = (t.text == "“") or (t.text == "\"" and not inside)
                continue
            if t.is_sent_start and t.i and self.doc[t.i - 1].text in ("\n", "\n\n"):
                inside = False
            if inside:
                out.add(t.i)
        return out

    def _clause_end(self, i: int) -> int:
        sent = self.doc[i].sent
        j = i + 1
        while j < sent.end:
            tok = self.doc[j]
            if tok.text in (";",) or tok.text in QUOTES:
                return j
            if tok.text == "," and j + 1 < sent.end and self.doc[j + 1].lower_ in CLAUSE_BREAKERS:
                return j
            if tok.lower_ in SUBORDINATORS and (tok.dep_ == "mark" or j + 1 < sent.end and
                                                self.doc[j + 1].tag_ in ("VBG", "VBD", "VBN")):
                return j  # "... met with Fabius before laying wreaths at ..."
            if tok.lemma_ in REPORTING and tok.pos_ == "VERB" and j > i + 1:
                return j
            j += 1
        return sent.end

    def _clause_start(self, i: int) -> int:
        sent = self.doc[i].sent
        j = i - 1
        while j >= sent.start:
            if self.doc[j].text in (";",) or self.doc[j].text in QUOTES:
                return j + 1
            j -= 1
        return sent.start

    def _group_country(self, tokens) -> list[str]:
        """Countries named as modifiers of group nouns: 'Ukrainian and American delegations'."""
        out = []
        for t in tokens:
            c = self.lex.country(t.text) if t.ent_type_ in ("GPE", "NORP", "ORG") or t.lower_ in self.lex.demonyms \
                else None
            if c is None and t.ent_type_ == "ORG":
                org = self.lex.organization(t.text)
                c = self.lex.org_country.get(org) if org else None
            if c and c not in out:
                out.append(c)
        return out

    def _subject(self, verb) -> list:
        """Tokens of the subject of `verb`, climbing xcomp/conj/advcl chains ('plans to travel and meet')."""
        cur = verb
        for _ in range(4):
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            if subj:
                return [t for s in subj for t in s.subtree]
            if cur.dep_ in ("xcomp", "conj", "advcl", "ccomp", "relcl", "acl", "acomp") and cur.head is not cur:
                if cur.dep_ == "relcl":
                    return [cur.head]
                cur = cur.head
                continue
            break
        return []

    def _governor(self, tok):
        """The verb a meeting noun hangs from ('held a session', 'meeting took place')."""
        cur = tok
        for _ in range(3):
            if cur.pos_ in ("VERB", "AUX") and cur is not tok:
                return cur
            if cur.head is cur:
                break
            cur = cur.head
        return tok if tok.pos_ == "VERB" else None

    def _status(self, trigger, gov, clause) -> str | None:
        cues = self.lex.meetings
        chain = [trigger]
        cur = gov or trigger
        for _ in range(4):
            if cur not in chain:
                chain.append(cur)
            if cur.head is cur or cur.dep_ not in ("xcomp", "conj", "ccomp", "advcl", "pobj", "prep", "dobj",
                                                   "nsubj", "nsubjpass", "acl", "relcl"):
                break
            cur = cur.head
        children = [c for t in chain for c in t.children]
        words = {t.lemma_.lower() for t in chain} | {c.lemma_.lower() for c in children if c.dep_ in
                                                      ("aux", "auxpass", "neg", "advmod", "prt", "amod", "dobj")}
        lowers = {c.lower_ for c in children}
        if any(c.dep_ == "neg" for c in children) or words & {"deny", "refuse", "decline"}:
            return None
        if words & set(cues["cancelled"]) - {"off"} or ("call" in words and "off" in lowers):
            return "cancelled"
        if words & {"may", "might", "could"} or "reportedly" in lowers or "confirm" in words:
            return "unconfirmed"
        planned = set(cues["planned"]) - {"to", "next", "tomorrow", "later", "future", "upcoming"}
        if words & planned or lowers & {"will", "'ll", "shall"}:
            return "planned"
        for t in clause:
            if t.ent_type_ == "DATE" and t.lower_ in ("next", "tomorrow", "upcoming", "later"):
                return "planned"
        return "held"

    def _place(self, clause, exclude: set[int], trigger) -> str | None:
        """Where: 'in/at/to Miami' in the clause, or 'the Miami meeting'; a city before a country."""
        best = None
        for ent in self.doc.ents:
            if ent.start < clause.start or ent.end > clause.end or ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            if ent.start in exclude:
                continue
            prev = self.doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if prev == "the" and ent.start >= 2:
                prev = self.doc[ent.start - 2].lower_
            modifies_trigger = ent.root.head.i == trigger.i and ent.root.dep_ in ("compound", "amod", "nmod")
            if prev not in VENUE_PREPS and not modifies_trigger:
                continue
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            if self.lex.country_names.get(fold(name)) is None:
                return name
            best = best or name
        return best

    def _date(self, clause) -> str | None:
        for ent in self.doc.ents:
            if ent.label_ == "DATE" and ent.start >= clause.start and ent.end <= clause.end \
                    and not WEAK_DATES.match(ent.text.strip()):
                return ent.text.removesuffix("'s").removesuffix("’s")
        return None

    def _title_tokens(self) -> set[int]:
        """Tokens of names and titles, where a place names a role, not a venue."""
        out = set()
        for m in self.mentions:
            out.update(m.title.role_tokens)
            out.update(range(m.span.start, m.span.end))
        for m in self.mentions:  # places written inside a title: "envoy to the Middle East"
            k = m.span.start - 1
            while k >= 0 and k >= m.span.start - 8 and (self.doc[k].ent_type_ or self.doc[k].lower_ in
                                                        ("to", "the", "of") or self.doc[k].lower_ in self.lex.roles):
                out.add(k)
                k -= 1
        return out

    def _delegations(self) -> None:
        """'The US side included A, B and C', 'Ukraine was represented by A and B'."""
        self.lists: list[tuple[int, str, list[Mention]]] = []
        verbs = set(self.lex.meetings["delegation_verbs"])
        for k, sent in enumerate(self.sents):
            for tok in sent:
                if tok.lemma_ not in verbs or tok.pos_ not in ("VERB", "AUX"):
                    continue
                passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or tok.tag_ == "VBN"
                if tok.lemma_ in ("represent", "lead", "head") and not passive:
                    continue
                subj = self._subject(tok)
                if not subj and tok.dep_ == "acl":  # "the delegation, led by ..."
                    subj = [tok.head, *tok.head.children]
                heads = [t for t in subj if t.lower_ in self.lex.group_nouns]
                countries = self._group_country(subj)
                if len(countries) != 1 or not (heads or subj and subj[-1].ent_type_ in ("GPE", "ORG")):
                    continue
                members = self._participants(tok.i + 1, self._clause_end(tok.i))
                if not members:
                    continue
                country = countries[0]
                for m in members:
                    self.sides[m.entity].append(Side(country, 0.85, "delegation.member"))
                    self._fact((m.entity, "Person"), "MEMBER_OF", (f"{country} delegation", "Organization"), k,
                               0.8, "delegation.member")
                if tok.lemma_ in ("lead", "head"):
                    for m in members[:1]:
                        self.heads[country].append(m.entity)
                        self._fact((m.entity, "Person"), "LEADS", (f"{country} delegation", "Organization"), k,
                                   0.85, "delegation.led_by")
                self.lists.append((k, country, members))

    def _meetings(self) -> None:
        cues = self.lex.meetings
        verbs, nouns = set(cues["verbs"]), set(cues["event_nouns"])
        not_meeting = set(cues["not_meeting"])
        context: dict = {"place": None, "date": None, "status": "held"}
        events = []
        quoted = self._quoted()
        exclude = self._title_tokens()
        for k, sent in enumerate(self.sents):
            for tok in sent:
                is_verb = tok.lemma_ in verbs and tok.pos_ == "VERB"
                is_noun = tok.lower_ in nouns and tok.pos_ in ("NOUN", "PROPN")
                if not (is_verb or is_noun) or tok.i in quoted:
                    continue
                if tok.lemma_ == "meet" and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) \
                        and not any(c.dep_ == "agent" for c in tok.children):
                    continue  # "he was met with criticism"
                window = self.doc[max(sent.start, tok.i - 3): min(sent.end, tok.i + 3)]
                if any(t.lower_ in not_meeting for t in window):
                    continue
                c0, c1 = self._clause_start(tok.i), self._clause_end(tok.i)
                clause = self.doc[c0:c1]
                gov = tok if is_verb else self._governor(tok)
                status = self._status(tok, gov, clause)
                if status is None:
                    continue
                place = self._place(clause, exclude, tok)
                when = self._date(clause)
                if status != "planned" and (place or when):  # a future meeting is not the one reported
                    context = {"place": place or context["place"], "date": when or context["date"],
                               "status": status}
                after = self._participants(tok.i + 1, c1)
                pool = any(t.lower_ in POOL_PREPS for t in self.doc[tok.i + 1: c1][:6])
                subj_tokens = self._subject(gov) if gov is not None else []
                if is_noun and gov is not None and tok in subj_tokens:
                    subj_tokens = []
                poss = [c for c in tok.children if c.dep_ == "poss"]
                for p in poss:
                    subj_tokens += list(p.subtree)
                subj_idx = {t.i for t in subj_tokens}
                before = [m for m in self._participants(c0, tok.i) if m.span.start in subj_idx]
                pronoun = False
                if not before and any(t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass")
                                      for t in subj_tokens):
                    antecedent = self._antecedent(tok.i)
                    before, pronoun = ([antecedent], True) if antecedent else ([], False)
                groups = self._group_country([t for t in subj_tokens if t.i not in self.person_at])
                events.append({"sent": k, "after": after, "before": before, "pool": pool, "groups": groups,
                               "status": status, "place": place, "date": when, "trigger": tok.i, "pronoun": pronoun,
                               "context": dict(context)})
        done = set()
        for ev in events:
            inherit = ev["status"] != "planned"
            place = ev["place"] or (ev["context"]["place"] if inherit else None)
            date = ev["date"] or (ev["context"]["date"] if inherit else None)
            extra = {"place": place, "date_text": date, "status": ev["status"]}
            if ev["pool"] and not ev["before"]:
                self._pool_pairs(ev["after"], ev["sent"], extra, done)
                continue
            if not ev["after"] and len(ev["before"]) > 1:  # "Lavrov and Rubio met in Kuala Lumpur"
                self._pool_pairs(ev["before"], ev["sent"], extra, done)
                continue
            before, conf, rule = ev["before"], 0.9, "met.subject_object"
            if ev["pronoun"]:
                conf, rule = 0.7, "met.pronoun_subject"
            if not before and len(ev["groups"]) == 1:
                before = [m for m in self.mentions if m.entity in self.heads.get(ev["groups"][0], [])][:1]
                conf, rule = 0.7, "met.delegation_head"
            for a in before:
                for b in ev["after"]:
                    self._pair(a, b, ev["sent"], conf, rule, extra, done)
        self._list_pairs(events, done)

    def _antecedent(self, i: int) -> Mention | None:
        """Who 'he'/'she' is: the person who is subject earlier in the sentence, else in the one before."""
        k = self.sent_of[i]
        for sent in (k, k - 1):
            cands = [m for m in self.mentions if m.sent == sent and m.span.start < i and not self._is_possessor(m)
                     and not m.title.object_of_role and m.span.root.dep_ in ("nsubj", "nsubjpass")]
            if cands:
                return cands[-1] if sent == k else cands[0]
        return None

    def _country_of(self, m: Mention) -> str | None:
        sides = self.sides.get(m.entity)
        if sides:
            return max(sides, key=lambda s: s.confidence).country
        return self._known_country(m.entity)

    def _known_country(self, entity: str) -> str | None:
        """The side the alias data says a well-known person acts for."""
        known = self.lex.entity_aliases.get(fold(entity))
        return self.lex.person_country.get(known[0]) if known else None

    def _pair(self, a: Mention, b: Mention, sent: int, conf: float, rule: str, extra: dict, done: set,
              last_sent: int | None = None) -> None:
        if a.entity == b.entity:
            return
        ca, cb = self._country_of(a), self._country_of(b)
        if ca and cb and ca == cb:
            return  # same side of the table
        key = tuple(sorted((a.entity, b.entity)))
        if (key, sent) in done:
            return
        done.add((key, sent))
        s, o = key
        self._fact((s, "Person"), "MET_WITH", (o, "Person"), sent, conf, rule, last_sent=last_sent,
                   **{k: v for k, v in extra.items() if v})

    def _pool_pairs(self, people: list[Mention], sent: int, extra: dict, done: set) -> None:
        """'a meeting between A and B and C': sides from what each person represents."""
        sides = []
        last = None
        for m in people:
            c = self._country_of(m) or last
            sides.append(c)
            last = c
        if len(people) == 2 and (sides[0] is None or sides[0] != sides[1]):
            self._pair(people[0], people[1], sent, 0.8, "met.between", extra, done)
            return
        for i, a in enumerate(people):
            for j in range(i + 1, len(people)):
                if sides[i] and sides[j] and sides[i] != sides[j]:
                    self._pair(a, people[j], sent, 0.85, "met.between", extra, done)
                    for m, c in ((a, sides[i]), (people[j], sides[j])):
                        if not self.sides.get(m.entity):
                            self.sides[m.entity].append(Side(c, 0.65, "met.side"))

    def _list_pairs(self, events: list[dict], done: set) -> None:
        """Two sides' delegation lists for the same meeting: everyone on one side met the other."""
        for x, (ka, ca, ma) in enumerate(self.lists):
            for kb, cb, mb in self.lists[x + 1:]:
                if ca == cb or kb - ka > 3:
                    continue
                ctx = [e for e in events if e["sent"] <= kb]
                if not ctx:
                    continue
                c = ctx[-1]["context"]
                extra = {"place": c["place"], "date_text": c["date"], "status": c["status"]}
                for a in ma:
                    for b in mb:
                        self._pair(a, b, ka, 0.75, "met.delegation_lists", extra, done, last_sent=kb)

    def _represents(self) -> None:
        """One REPRESENTS per person: the best-supported side they act for."""
        firsts: dict[str, Mention] = {}
        for m in self.mentions:
            firsts.setdefault(m.entity, m)
        for m in self.mentions:  # principals inherit from, and lend to, their envoys and advisers
            p = m.title.principal
            if p is None or p.type != "Person" or m.title.object_of_role:
                continue
            kinds = set(m.title.kinds)
            ps = self.sides.get(p.name)
            if ps and kinds & {"envoy", "adviser", "spokesperson", "kin", "negotiator", "official", "minister"}:
                best = max(ps, key=lambda s: s.confidence)
                self.sides[m.entity].append(Side(best.country, min(0.75, best.confidence), "principal.side"))
        for m in self.mentions:
            p = m.title.principal
            if p is not None and p.type == "Person" and not self.sides.get(p.name) and self.sides.get(m.entity):
                best = max(self.sides[m.entity], key=lambda s: s.confidence)
                if best.confidence >= 0.8 and set(m.title.kinds) & {"envoy", "adviser", "spokesperson"}:
                    self.sides[p.name].append(Side(best.country, 0.6, "principal.of_side"))
        for m in self.mentions:  # "Special Envoy Steve Witkoff" on the US side: the US's envoy
            t = m.title
            if "envoy" in t.kinds and t.principal is None and not t.country and self.sides.get(m.entity) \
                    and not t.object_of_role:
                best = max(self.sides[m.entity], key=lambda s: s.confidence)
                self._fact((m.entity, "Person"), "ENVOY_OF", (best.country, "Country"), m.sent,
                           min(0.7, best.confidence), "envoy.side")
        titled = {m.entity for m in self.mentions if set(m.title.kinds) & set(SIDE_KINDS)}
        statesmen = {m.entity for m in self.mentions if set(m.title.words) & self.lex.state_roles
                     and not m.title.other_body and not m.title.org}
        home = self._home_country()
        for entity, m in firsts.items():
            sides = self.sides.get(entity)
            if not sides:
                country = self._known_country(entity)
                if country:
                    sides = [Side(country, 0.55 if entity in titled else 0.5, "known_country")]
                elif home and entity in statesmen:
                    sides = [Side(home, 0.6, "title.article_country")]
            if not sides:
                continue
            best = max(sides, key=lambda s: s.confidence)
            sent = next((x.sent for x in self.mentions if x.entity == entity and x.title.kinds), m.sent)
            self._fact((entity, "Person"), "REPRESENTS", (best.country, "Country"), sent, best.confidence, best.rule)

    def _home_country(self) -> str | None:
        """The country an article is about, when one clearly dominates its mentions."""
        counts: dict[str, int] = defaultdict(int)
        for ent in self.doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                c = self.lex.country(ent.text)
                if c:
                    counts[c] += 1
        if not counts:
            return None
        best, n = max(counts.items(), key=lambda kv: kv[1])
        return best if n >= 2 and n >= 0.4 * sum(counts.values()) else None

    def _entities(self) -> list[dict]:
        out: dict[tuple[str, str], dict] = {}

        def add(name: str, etype: str, alias: str):
            e = out.setdefault((name, etype), {"name": name, "type": etype, "aliases": [], "count": 0})
            e["count"] += 1
            if alias != name and alias not in e["aliases"]:
                e["aliases"].append(alias)

        for m in self.mentions:
            add(m.entity, "Person", m.name)
        for ent in self.doc.ents:
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            if ent.label_ in ("GPE", "NORP"):
                c = self.lex.country(text)
                if c and ent.label_ == "GPE" and fold(text) in self.lex.seats:
                    prev = self.doc[ent.start - 1].lower_ if ent.start else ""
                    if prev in LOCATIVE_PREPS:
                        add(text, "Place", text)  # a city: "talks in Moscow"
                    else:
                        add(c, "Country", text)  # the government: "Moscow rejected", "Kyiv's demands"
                elif c:
                    add(c, "Country", text)
                elif ent.label_ == "GPE":
                    add(text, "Place", text)
            elif ent.label_ in ("LOC", "FAC"):
                add(text, "Place", text)
            elif ent.label_ == "ORG":
                org = self.lex.organization(text)
                if org:
                    add(org, "Organization", text)
        for f in self.facts:
            for side in ("subject", "object"):
                e = f[side]
                if (e["name"], e["type"]) not in out:
                    add(e["name"], e["type"], e["name"])
        return list(out.values())


def is_name(text: str) -> bool:
    """Whether a PERSON span can be a name: letters, a sane length, not only initials ("J.", "A")."""
    return (len(text) <= MAX_NAME_CHARS and len(text.split()) <= MAX_NAME_WORDS and "@" not in text
            and "#" not in text and re.search(r"[A-Za-z]", text) is not None and bool(translit_key(text)))


def _actor_ref(actor: Actor | None) -> tuple[str, str] | None:
    if actor is None or actor.type == "Pronoun":
        return None
    return (actor.name, actor.type)


def _country_ref(country: str | None) -> tuple[str, str] | None:
    return (country, "Country") if country else None


def _org_ref(org: str | None) -> tuple[str, str] | None:
    return (org, "Organization") if org else None
