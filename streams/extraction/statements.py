"""Statements: who said what, quoted directly or reported, from parsed sentences.

A statement is a cue (a speech verb such as "said", "told reporters", "wrote on X",
"the statement read", or "according to") with a speaker (its subject) and content:

- direct: words in quotation marks, before the cue (`"...," Lind told reporters`),
  after it (`Lind said: "..."`), or inside reported speech as a partial quote
  (`called the intrusion "a reckless provocation"`);
- reported: the clause the cue takes (`Lind said the talks had worked`), or the
  clause before it (`Jets entered the airspace, the military said`), or the rest of
  the sentence around "according to"; or
- a stand, an appeal, a label or a speech act told as a noun ("the embassy dismissed the reports",
  "called on Moscow to withdraw", "called the flight a provocation", "an announcement by the service that
  ..."), stated as named patterns in ``patterns/speech/*.json`` (:mod:`streams.extraction.speech_patterns`),
  whose names are the statements' rules.

A reported clause that only frames a partial quote is not a statement of its own;
the partial quote is. A quotation inside another speaker's reported clause is that
speaker's (`X said the alliance must answer with "more ships"`). Nothing is said under a
negation, a modal, "declined to", "without" or "denied that"; a news outlet carrying
the story is no speaker of what it reports, the source it quotes is. Sentences are
read as surface sentences (see
:mod:`streams.extraction.quotes`) so that a quotation stays with its cue; speakers
are resolved by :mod:`streams.extraction.speakers`. The headline paraphrases the
story, so only the standfirst and body are read.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from streams.extraction.lexicon import (
    ADDRESSING_VERBS, ATTRIBUTING_PARTICIPLES, CIRCUMSTANCE_MARKS, CITING, CUE_VENUE_PREPOSITIONS, DECLINING, DENYING,
    DOCUMENTS, ISSUING, LEADING_JUNK, MODALS, MOUTHPIECES, NAMING,
    NEWS_HEADS, NEWS_WORDS, OUTLET_NAMES, OUTLETS, PRONOUNS, QUOTING_VERBS, READ_DOCUMENTS, REJECTING, RELATIVE_PRONOUNS,
    ROLE_WORDS, SOCIAL_PLATFORMS, SPEAKER_PRONOUNS, SPEECH_OCCASIONS, STATEMENT_VERBS, TRAILING_JUNK, WEEKDAYS,
)
from streams.extraction.lexicon import SPEECH_VERBS as REPORTING_VERBS
from streams.extraction.model import AnalysedArticle, Evidence, FuzzyDate, Speaker, StatementFact
from streams.extraction.nlp import doc_text
from streams.extraction.quotes import Quote, Unit, find_quotes, units
from streams.extraction.speakers import SpeakerResolver, is_press_office, place
from streams.extraction.speech_patterns import SpeechMatch, speech_matcher
from streams.extraction.titles import country_of

FINITE = {"VBD", "VBZ", "VBP", "MD"}
MIN_REPORTED_WORDS = 3
MIN_CLAUSE_BEFORE_QUOTATION = 6  # words of a clause reported on its own before a closing quotation
# Relations by which a quotation completes the clause before it: its object, complement or adverbial.
COMPLETING_DEPS = {"dobj", "pobj", "attr", "acomp", "oprd", "xcomp", "prep", "advmod", "npadvmod", "agent", "dative",
                   "advcl"}
DAYS_SAID = {*WEEKDAYS, "yesterday", "today"}  # a day right after the verb: "said Tuesday the crossing was shut"
CONTINUED_QUOTE_WORDS = 5  # a quoted clause, not a label in scare quotes
DUPLICATE_OVERLAP = 0.8
# unions of word lists read for many tokens, built once rather than at each test
PERSON_WORDS = ROLE_WORDS | MOUTHPIECES
OUTLET_WORDS = OUTLETS | OUTLET_NAMES
ASSERTING_VERBS = REPORTING_VERBS - DENYING
ASSERTING_STATEMENT_VERBS = STATEMENT_VERBS - DENYING


@dataclass(frozen=True, slots=True)
class Candidate:
    """A statement before its speaker is resolved: the cue, who its subject is, and what was said."""

    cue: Token | None
    subject: Token | None
    mode: str
    quote: str
    position: int
    unit: Unit
    confidence: float
    rule: str  # which rule found it, carried into the statement event's rules
    speaker: Speaker | None = None  # already known: a quotation that goes on after its attribution


def _is_according(token: Token) -> bool:
    """ "according to Y", or its like "as reported by Y": Y is the source of the rest of the sentence."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    if token.lower_ == "according":
        return doc[token.i + 1].lower_ == "to"
    return token.tag_ == "VBN" and token.lemma_.lower() in ATTRIBUTING_PARTICIPLES and token.i > 0 \
        and doc[token.i - 1].lower_ == "as" and doc[token.i + 1].lower_ == "by"


def _attribution_start(cue: Token) -> int:
    """Where the attribution begins: "according", or the "as" of "as reported by"."""
    return cue.i if cue.lower_ == "according" else cue.i - 1


def _attribution_end(cue: Token, source: Token | None) -> int:
    """Where the attribution ends: after its source, and after the participle's own words up to a comma ("as
    reported by the ministry on Sunday, ...")."""
    end = source.right_edge.i if source is not None else cue.i + 1
    if cue.lower_ == "according":
        return end
    doc = cue.doc
    while end + 1 < len(doc) and not doc[end + 1].is_punct and doc[end + 1] in cue.subtree:
        end = doc[end + 1].right_edge.i if doc[end + 1].head == cue else end + 1
    return end


def _inside(token: Token, quotes: Iterable[Quote]) -> bool:
    return any(q.covers(token.idx) for q in quotes)


def _cues(tokens: list[Token], quotes: tuple[Quote, ...], verbs: set[str]) -> list[Token]:
    """The word is tested before the quotations are scanned: few tokens are cues."""
    return [t for t in tokens if (t.lemma_.lower() in verbs and t.pos_ in {"VERB", "AUX"} and _asserted(t)
                                  or _is_according(t)) and not _inside(t, quotes)]


def _asserted(verb: Token) -> bool:
    """Whether a speech verb reports something said: not "did not say whether", "declined to say"."""
    if any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False  # "did not say", "the alliance must answer with ...": nothing was said
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return False  # "..., without saying whether ..."
    if verb.lemma_.lower() in ADDRESSING_VERBS and any(c.dep_ == "nsubjpass" for c in verb.children):
        return False  # "the embassy was told that ...": who was told said nothing
    return not (verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_.lower() in DECLINING)


def _subject(cue: Token) -> Token | None:
    """The speaker's phrase: the subject of the cue, or of the verb a participle or conjunct hangs on
    ("..., adding that ...", "said ... and described ..."), or the object of "according to"."""
    if _is_according(cue):
        to = cue.doc[cue.i + 1]
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    source = _quoted_source(cue)
    if source is not None:
        return source
    own = _own_subject(cue)
    if own is not None:
        return _antecedent(own, cue)
    chain: list[Token] = []
    verb = cue
    while verb.dep_ in {"advcl", "conj", "xcomp", "ccomp", "parataxis", "acl", "dep"} and verb.head is not verb and len(chain) < 4:
        verb = verb.head
        chain.append(verb)
    speaking = next((v for v in cue.ancestors if v.lemma_.lower() in QUOTING_VERBS and _own_subject(v) is not None), None)
    speaking = _reporting(speaking) if speaking is not None else None
    if speaking is not None:  # "said this was ... and called it '...'": the parser hangs "called" on "was"
        return _antecedent(_own_subject(speaking), speaking)
    found = next((v for v in chain if _own_subject(v) is not None), None)
    return _antecedent(_own_subject(found), found) if found is not None else None


def _reporting(verb: Token) -> Token:
    """ "She said Moldova condemned the breach and also condemned '...'": a verb of speaking inside what another
    verb of speaking reports is the reporter's account, so the quotation on its conjunct is the reporter's words; a
    named person's own verb ("she said Rusu condemned ... and called it '...'") keeps them his."""
    while verb.dep_ == "ccomp" and verb.head.lemma_.lower() in QUOTING_VERBS and _own_subject(verb.head) is not None:
        inner = _own_subject(verb)
        if inner is None or inner.ent_type_ == "PERSON" or inner.lower_ in PRONOUNS:
            break
        verb = verb.head
    return verb


def _quoted_source(cue: Token) -> Token | None:
    """ "The agency quoted a military source as saying ...", "he was quoted as saying": the one quoted, not the
    outlet that quotes."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]  # "... reported that X, quoting Y": hung on the clause
    citing = next((c for c in [*cue.children, *(g for c in clauses for g in c.children)]
                   if c.lemma_.lower() in CITING and c.tag_ == "VBG"), None)
    source = next((c for c in citing.children if c.dep_ == "dobj"), None) if citing is not None else None
    if source is not None and (source.ent_type_ == "PERSON" or source.lemma_.lower() in PERSON_WORDS) \
            and not (source.tag_ == "NNS" and source.ent_type_ != "PERSON"):
        return source  # "the agency reported, quoting a ministry spokesman: ...", not "citing the location"; "X said
        # ..., citing unnamed sources": sources nobody names leave the words X's
    verb = cue
    while verb.dep_ == "conj" and verb.head is not verb and verb.head.lemma_.lower() not in CITING:
        verb = verb.head
    if verb.dep_ == "conj":  # "quoted a source as describing ... and saying ...": the parser hangs "saying" on "quoted"
        citing = verb.head
    elif verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        citing = verb.head.head
    else:
        return None
    if citing.lemma_.lower() not in CITING:
        return None
    return next((c for c in citing.children if c.dep_ in {"dobj", "nsubjpass"}), None)


def _fronted_before_citing(cue: Token, inside_unit: set[int]) -> list[Token]:
    """ "Stockholm will act, the minister was cited by TT as saying": wire copy puts the words first and their speaker
    after, quoted by an outlet "as saying"; the parser hangs the words on the citing verb, before it."""
    if cue.dep_ != "pcomp" or cue.head.lower_ != "as" or cue.head.head.lemma_.lower() not in CITING:
        return []
    citing = cue.head.head  # words that are themselves a speech act ("X has denied that ...") are read as one
    return [c for c in citing.children if c.dep_ == "ccomp" and c.i < citing.i and c.i in inside_unit
            and c.lemma_.lower() not in REPORTING_VERBS]


def _antecedent(subject: Token, verb: Token) -> Token:
    """A pronoun subject of a verb inside another clause stands for that clause's subject: "the embassy rejected
    what it called ...", "the minister insisted he had ..."."""
    person = PRONOUNS.get(subject.lower_)
    if person is None:
        return subject
    for outer in verb.ancestors:
        nominal = _own_subject(outer)
        if nominal is None or nominal.pos_ == "PRON":
            continue
        is_person = nominal.ent_type_ == "PERSON" or nominal.lemma_.lower() in PERSON_WORDS or _a_person_elsewhere(nominal)
        return nominal if is_person == person else subject
    return subject


def _a_person_elsewhere(token: Token) -> bool:
    """ "... President Luis Medina. Medina banned ...": a name the tagger takes for a place or a body where it opens a
    sentence is a person's when the same text names a person elsewhere by it."""
    return token.pos_ == "PROPN" and token.ent_type_ != "PERSON" and any(
        t.ent_type_ == "PERSON" and t.text == token.text for t in token.doc if t.i != token.i)


def _misparsed_clause(cue: Token, inside_unit: set[int]) -> list[Token]:
    """ "said a Chinese plane intruded ...": the parser may take the clause's subject for the verb's
    object and hang the clause's verb on it (acl, often tagged as a participle). "say" seldom has
    a noun for its object ("said a prayer"), so a verb hung on one, without a passive agent, is read as
    the clause's."""
    if cue.lemma_.lower() != "say":
        return []
    return [obj for obj in cue.children if obj.dep_ == "dobj" and obj.i > cue.i and obj.i in inside_unit
            and any(c.dep_ in {"acl", "relcl"} and c.tag_ in FINITE | {"VBN"} and c.i > obj.i
                    and not any(r.dep_ in {"nsubj", "agent", "auxpass"} for r in c.children) for c in obj.children)]


def _clause_past_a_time_clause(cue: Token, inside_unit: set[int]) -> list[Token]:
    """ "Police said after the drones were detected that there was no danger": a time or cause clause between the
    verb of speaking and its that-clause, on which the parser hangs the that-clause; what follows "that" is what
    was said."""
    return [clause for between in cue.children if between.dep_ == "advcl" and between.i > cue.i
            and any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS for m in between.children)
            and between.lemma_.lower() not in REPORTING_VERBS  # "said, while stressing that ...": its own statement
            for clause in between.children if clause.dep_ == "ccomp" and clause.i in inside_unit
            and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < clause.i for m in clause.children)]


def _outermost(governing: list[Token]) -> Token:
    """Of the speech verbs above a quotation (nearest first), the one whose reported clause holds the others:
    "X said the alliance must answer with '...'" and "X said Riga had voiced '...'" quote X; "X told reporters ...,
    but Y said it '...'" quotes Y, whose verb is only coordinated with X's."""
    chosen = governing[0]
    for outer in governing[1:]:
        step = next((c for c in outer.children if chosen in c.subtree), None)
        if step is None or step.dep_ not in {"ccomp", "xcomp"}:
            break
        chosen = outer
    return chosen


def _outlet(head: Token, outlets: frozenset[str] = frozenset()) -> bool:
    """Whether a phrase names a news outlet: "the broadcaster", "Reuters", "the state news agency", "Russian news
    agencies", a name ending in "News", or a name the article introduced as an outlet's ("news agency TT")."""
    lower = head.lower_
    if is_press_office(head) and any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
                                     or c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.children):
        return False  # "the ministry's press service", "the press service of the army": the institution's own
    return lower in OUTLET_WORDS or head.text in outlets or head.pos_ == "PROPN" and lower == "news" \
        or head.lemma_.lower() in NEWS_HEADS and any(t.lower_ in NEWS_WORDS for t in head.subtree if t.i < head.i)


def _clause_before_closing_quotation(part: list[Token], quotes: tuple[Quote, ...]) -> list[Token]:
    """ 'announced that the cabinet will meet on Friday to weigh steps "that will hurt the smugglers"', 'said they
    plan to work with the police and are "doing everything possible"': a whole clause, its subject, verb and a noun
    to end on, reported before a quotation that closes the sentence is reported speech of its own, the quotation
    a statement beside it; a frame the quotation completes ('said the flight was "a provocation"', 'said the jets
    "broke the rules"') is none."""
    first = next(i for i, t in enumerate(part) if _inside(t, quotes))
    if any(not _inside(t, quotes) and not t.is_punct for t in part[first:]):
        return []  # words after the quotation: it sits inside the clause
    before = part[:first]
    while before and (before[-1].is_punct or before[-1].dep_ in {"cc", "aux", "auxpass"}):
        before = before[:-1]
    if len(before) < MIN_CLAUSE_BEFORE_QUOTATION or before[-1].pos_ not in {"NOUN", "PROPN"}:
        return []
    verbs = [t for t in before if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"}]
    if not any(_has_subject(v) for v in verbs):
        return []
    quoted = [t for t in part[first:] if _inside(t, quotes) and not t.is_punct]
    if not quoted or quoted[0].dep_ == "mark" or quoted[0].pos_ == "SCONJ":
        return []  # 'would act "if there is a threat"': a condition or a reason quoted completes the clause
    if any(t.head in before and t.dep_ in COMPLETING_DEPS for t in quoted):
        return []  # the quotation is what a verb or preposition of the clause takes, or how it acted: it completes it
    if any(t.dep_ in {"nsubj", "nsubjpass"} and t.head in quoted and t.head.pos_ in {"VERB", "AUX"} for t in before):
        return []  # 'said the analysis showed the blast was "caused by a stray missile"': the quoted verb's subject
        # is before it, so the clause runs on into the quotation
    return before


def _named_relative_speaker(cue: Token) -> bool:
    """ "a flight last week, which the ministry said endangered an airliner": a speaker named inside a relative
    clause, not a pronoun for the sentence's own speaker ("jets that it said had entered ..."), says the rest of
    that clause (its verb with what it takes) of its own."""
    subject, first = _own_subject(cue), cue.left_edge
    return subject is not None and subject.pos_ != "PRON" and first.i < subject.i \
        and first.lower_ in RELATIVE_PRONOUNS and first.dep_ in {"nsubj", "nsubjpass", "dobj"}


def _clause_after_opening_quotation(part: list[Token], quotes: tuple[Quote, ...]) -> list[Token]:
    """ 'said "there is no doubt" the jet came from the north': a quotation that opens the reported words and
    comments on them is a direct statement, and the whole clause after it, its subject and verb its own, is reported
    speech beside it; a quotation that is the clause's own subject or part of it leaves no frame."""
    words = [t for t in part if not t.is_punct]
    if not words or not _inside(words[0], quotes):
        return []
    last = max(i for i, t in enumerate(part) if _inside(t, quotes))
    after = part[last + 1:]
    while after and (after[0].is_punct or after[0].dep_ in {"cc", "mark"}):
        after = after[1:]
    if not after or any(_inside(t, quotes) for t in after) or _words(_text(after)) < MIN_REPORTED_WORDS:
        return []
    roots = [t for t in after if t.head not in after or t.head is t]
    if len(roots) != 1 or roots[0].pos_ not in {"VERB", "AUX"} or not _has_subject(roots[0]) \
            or not any(c.dep_ in {"nsubj", "nsubjpass"} and c in after for c in roots[0].children):
        return []
    return after


def _has_subject(clause: Token) -> bool:
    """Whether a clause has a subject of its own (not a relative pronoun)."""
    return clause.pos_ not in {"VERB", "AUX"} or any(
        c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"} and c.lower_ not in RELATIVE_PRONOUNS
        for c in clause.children)


def _object_clause(cue: Token, inside_unit: set[int]) -> list[Token]:
    """ "told a briefing that ...", "said in a statement that ...": the parser may hang the reported clause on the
    cue's object or on the statement it was said in."""
    objects = [c for c in cue.children if c.dep_ in {"dobj", "dative"}]
    objects += [o for p in cue.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return [c for o in objects for c in o.children if c.dep_ in {"acl", "ccomp", "relcl"} and c.i in inside_unit
            and any(m.lower_ == "that" and m.i < c.i for m in c.children) and _has_subject(c)]


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the nearer (a dateline, "OSLO (AP) — Gov. X said", is parsed as a second one)."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    subjects = [_named_after_description(_past_time_opener(c)) for c in subjects]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


def _named_after_description(subject: Token) -> Token:
    """ "Writing to Interpol, the global police body, the Border Agency said ...": a description set off by commas
    describes what came before it, and the parser joins it to the named institution after it as if listed; the name,
    not joined by "and" or "or", is the subject."""
    if subject.pos_ != "NOUN" or any(c.dep_ == "cc" for c in subject.children):
        return subject
    named = [c for c in subject.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > subject.i
             and c.doc[c.left_edge.i - 1].text == ","]
    return named[0] if len(named) == 1 and not any(c.dep_ in {"cc", "conj"} for c in named[0].children) else subject


def _past_time_opener(subject: Token) -> Token:
    """ "Earlyer on Sunday, the premier, at a rally, said ...": a word the tagger knows no name for, opening the
    sentence before a time and a comma, is an adverb of time (misspelt, or one it does not know), not the subject,
    when the parser hangs the phrase after the comma in apposition inside the time phrase: that phrase is."""
    doc = subject.doc
    if subject.i != subject.sent.start or subject.pos_ != "PROPN" or subject.ent_type_ or any(
            c.dep_ in {"compound", "det", "amod"} for c in subject.children):
        return subject
    times = [g for c in subject.children if c.dep_ == "prep" for g in c.children
             if g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"}]
    comma = next((t for t in subject.subtree if t.text == "," and times and t.i > times[0].i), None)
    if not times or comma is None:
        return subject
    return next((t for t in subject.subtree if t.dep_ == "appos" and t.i > comma.i), subject)


def _cue_text(cue: Token, subject: Token | None) -> str:
    """The cue phrase: "said", "told reporters", "wrote on X", "said in a statement", "the statement read"."""
    if _is_according(cue):
        return "according to" if cue.lower_ == "according" else f"as {cue.text} by"
    doc = cue.doc
    if subject is not None and subject.lemma_.lower() in READ_DOCUMENTS:
        return f"{doc[subject.left_edge.i: subject.i + 1].text} {cue.text}"
    end = cue.i
    for child in cue.children:
        if child.i < cue.i:
            continue
        if child.dep_ in {"dobj", "dative"} and cue.lemma_.lower() == "tell":
            clause = {t.i for c in child.children if c.dep_ in {"acl", "relcl", "ccomp"} for t in c.subtree}
            end = max(end, max(t.i for t in child.subtree if t.i not in clause))
        elif child.dep_ == "prep" and child.lower_ in CUE_VENUE_PREPOSITIONS and child.i == end + 1:
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and (target.lower_ in SOCIAL_PLATFORMS or target.lemma_.lower() in SPEECH_OCCASIONS):
                end = target.i
    return doc[cue.i: end + 1].text


def _said_on(cue: Token | None, published: dt.date) -> FuzzyDate:
    """The day of the cue: a weekday said with it ("said on Wednesday": the latest Wednesday on or before
    publication), "yesterday", else the publication day."""
    if cue is not None:
        for token in cue.subtree:
            if token.ent_type_ != "DATE" or abs(token.i - cue.i) > 4:
                continue
            lower = token.lower_
            if lower in WEEKDAYS:
                back = (published.weekday() - WEEKDAYS.index(lower)) % 7
                return FuzzyDate((published - dt.timedelta(days=back)).isoformat(), "day")
            if lower == "yesterday":
                return FuzzyDate((published - dt.timedelta(days=1)).isoformat(), "day")
    return FuzzyDate(published.isoformat(), "day")


def _evidence(field_name: str, text: str, unit: Unit) -> Evidence:
    return Evidence(field_name, unit.start, unit.end, text[unit.start:unit.end])


def _text(tokens: list[Token]) -> str:
    """Tokens as written, without leading "that", commas and conjunctions or trailing punctuation."""
    mark = next((k for k, t in enumerate(tokens[:4]) if t.lower_ == "that" and t.dep_ == "mark"), None)
    if mark is not None:  # "told the newspaper Aftenposten that ...": the parser took the name into the clause
        tokens = tokens[mark + 1:]
    return _surface(tokens)


def _surface(tokens: list[Token]) -> str:
    """Tokens as written, without leading conjunctions and commas or trailing punctuation."""
    while tokens and (tokens[0].lower_ in LEADING_JUNK or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].lower_ in TRAILING_JUNK):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    parts = [tokens[0].text]
    for before, token in zip(tokens, tokens[1:]):  # words on both sides of a cut-out aside keep a space
        parts.append(before.whitespace_ or (" " if token.i != before.i + 1 else ""))
        parts.append(token.text)
    return "".join(parts)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


@dataclass(frozen=True, slots=True)
class Aside:
    """A cue phrase set off by commas ("..., the military said on Friday."): where the phrase starts,
    the head of its speaker's words, and the content around it."""

    start: int
    speaker: Token
    content: list[Token]


def _nominal(tokens: list[Token]) -> bool:
    """A noun phrase, possessives in it ("the army's press service", "the Defence Forces' press service": a plural's
    bare apostrophe is a possessive marker, no punctuation)."""
    return bool(tokens) and len(tokens) <= 12 and not any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"}
        or t.is_punct and t.text not in {"-", ".", "'s"} and t.tag_ != "POS"
        for t in tokens) and any(t.pos_ in {"NOUN", "PROPN"} for t in tokens)


def _head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head is t), tokens[-1])


def _aside(cue: Token, tokens: list[Token], quotes: tuple[Quote, ...]) -> Aside | None:
    """ "CONTENT, the military said." / "CONTENT, said X." / "The drones, the ministry said, came from
    Belarus.": a speaker phrase between a comma and the cue, or right after a cue that follows a comma."""
    doc = cue.doc
    first, last = tokens[0].i, tokens[-1].i
    comma = next((i for i in range(cue.i - 1, first, -1) if doc[i].text in {",", "\u2014"} or _inside(doc[i], quotes)
                  or doc[i].pos_ in {"VERB", "AUX"} and doc[i].dep_ not in {"amod", "compound"}), None)
    if comma is None or doc[comma].text not in {",", "\u2014"}:
        return None
    phrase_end = next((i for i in range(cue.i + 1, last + 1) if doc[i].text in {",", "\u2014"}), last + 1)
    if comma == cue.i - 1:  # "..., said Defence Minister X."
        if cue.tag_ not in {"VBD", "VBZ", "VBP"}:
            return None  # "..., calling the accusations ...": a participle, with its object after it
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < comma for c in cue.children) and any(
                c.dep_ == "dobj" and c.i > cue.i for c in cue.children) and cue.lemma_.lower() not in ADDRESSING_VERBS:
            return None  # "X has, meanwhile, dismissed the claims": the verb's object, not a speaker, follows it
        words = [t for t in doc[cue.i + 1: phrase_end] if not t.is_punct]
        words = words[: next((k for k, t in enumerate(words) if t.pos_ == "ADP"), len(words))]
        addressed = {t.i for c in cue.children if c.dep_ in {"dobj", "dative"} for t in c.subtree}
        if cue.lemma_.lower() in ADDRESSING_VERBS and words and all(t.i in addressed for t in words):
            words = []  # "..., the minister, X, told reporters": who was told is no speaker
        if not words:  # "..., the army's chief of staff, General X, said.": the speaker in apposition before
            return _appositive_aside(cue, tokens, comma)
    else:
        words = list(doc[comma + 1: cue.i])
    if not (_nominal(words) or len(words) == 1 and words[0].lower_ in SPEAKER_PRONOUNS):
        return None  # ", the military said" / ", it said"
    before = [t for t in tokens if t.i < comma]
    rest = [t for t in tokens if t.i > phrase_end]
    continues = bool(rest) and rest[0].tag_ in {"VBD", "VBZ", "VBP", "MD"}
    return Aside(comma, _head(words), before + (rest if continues else []))


def _appositive_aside(cue: Token, tokens: list[Token], comma: int) -> Aside | None:
    """ "CONTENT, the chief of the general staff, General X, said.": one or two nominal phrases between commas
    before the cue; the speaker is the name among them, else the first."""
    doc = cue.doc
    bounds = [i for i in range(comma - 1, tokens[0].i, -1) if doc[i].text == ","][:2]
    blocks: list[tuple[int, list[Token]]] = []
    end = comma
    for start in bounds:
        words = list(doc[start + 1: end])
        if not _nominal(words):
            break
        blocks.append((start, words))
        end = start
    if not blocks:
        return None
    named = [words for _, words in blocks if any(t.ent_type_ == "PERSON" for t in words)]
    speaker = _head(named[0]) if named else _head(blocks[-1][1])
    start = blocks[-1][0]
    return Aside(start, speaker, [t for t in tokens if t.i < start])


NAMING_REACH = 40  # characters before the last word of a text that NAMING can read: its longest word and more


def _named_before(text: str, opening: int) -> bool:
    """Whether the words before a quotation name it ("the so-called"): NAMING read on the end of the text before it
    only, not the whole of it once per quotation."""
    end = opening
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return NAMING.search(text[max(0, end - NAMING_REACH):opening]) is not None


class FieldReader:
    """Candidates of one field, unit by unit."""

    def __init__(self, field_name: str, doc: Doc, outlets: frozenset[str] = frozenset()) -> None:
        self.field_name = field_name
        self.doc = doc
        self.outlets = outlets  # names the article gives news outlets: they carry the story, they say nothing in it
        self.text = doc_text(doc)  # Doc.text joins every token on each read: read once per doc
        self.quotes = [q for q in find_quotes(self.text) if not _named_before(self.text, q.opening)]
        self.units = units(self.text, self.quotes)
        self.openings = [q.opening for q in self.quotes]
        self.stances = speech_matcher(doc.vocab).matches(doc)
        self.tag: set[int] = set()  # the unit's outlet tag (:func:`_without_outlet_tag`), while its candidates are read

    def _quoted(self, token: Token) -> bool:
        """``_inside(token, self.quotes)`` by bisection: the field's quotations are in text order and do not overlap."""
        i = bisect_right(self.openings, token.idx) - 1
        return i >= 0 and self.quotes[i].covers(token.idx)

    def tokens(self, unit: Unit) -> list[Token]:
        span = self.doc.char_span(unit.start, unit.end, alignment_mode="expand")
        return [t for t in span if not t.is_space] if span is not None else []

    def candidates(self, unit: Unit) -> list[Candidate]:
        whole = self.tokens(unit)
        tokens = _without_outlet_tag(whole, self.outlets)
        self.tag = {t.i for t in whole[len(tokens):]}  # an outlet's tag, left out: no frame of the words before it
        found = (self._direct(unit, tokens) + self._reported(unit, tokens) + self._according(unit, tokens)
                 + self._stances(unit, tokens))
        return sorted(found, key=lambda c: c.position)

    # Direct speech -------------------------------------------------------------------------------

    def _direct(self, unit: Unit, tokens: list[Token]) -> list[Candidate]:
        cues = _cues(tokens, unit.quotes, QUOTING_VERBS)
        inside_unit = {t.i for t in tokens}
        told = bool(cues) or any(m.cue.i in inside_unit for m in self.stances)  # "comments by X that ..." too
        found = []
        for quote in unit.quotes:
            if self._in_circumstance(quote, cues):
                continue  # 'said on Tuesday after a "skilled" pilot flew ...': the narrator's words
            cue = self._quote_cue(quote, unit, cues)
            if cue is None and self.text[unit.start:quote.opening].strip() and (
                    told or _words(quote.text) < CONTINUED_QUOTE_WORDS):
                continue  # words in quotation marks that nobody is said to say (a clause quoted in a sentence
                # without a cue, right after a statement, goes on with its speaker: 'The jets "flew west and ..."')
            subject = self.subject(cue, tokens, unit) if cue is not None else None
            confidence = 0.9 if cue is not None else 0.7
            rule = "statement.quotation" if cue is not None else "statement.quotation_continued"
            found.append(Candidate(cue, subject, "direct", quote.text, quote.start, unit, confidence, rule))
        return found

    def _in_circumstance(self, quote: Quote, cues: list[Token]) -> bool:
        """Whether a quotation stands in a clause of time or cause hung on a cue ("said after ...", "said
        because ..."), with no speech verb of its own between."""
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return False
        for ancestor in span.root.ancestors:
            if ancestor in cues:
                return False
            if ancestor.dep_ == "advcl" and ancestor.head in cues and any(
                    c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in ancestor.children):
                return True
        return False

    def _quote_cue(self, quote: Quote, unit: Unit, cues: list[Token]) -> Token | None:
        """The cue of a quotation: after it when it opens the sentence, before it after "said:", else the
        speech verb its words depend on."""
        before = self.text[unit.start:quote.opening].strip()
        lead = [c for c in cues if c.idx < quote.opening]
        tail = [c for c in cues if c.idx > quote.closing]
        if not before:
            return tail[0] if tail else None
        if before.endswith((":", ",")) and lead:
            return lead[-1]
        governing = self._governing(quote, cues)
        if governing is not None:
            return governing
        return lead[-1] if lead else tail[0] if tail else None

    def _governing(self, quote: Quote, cues: list[Token]) -> Token | None:
        span = self.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is None:
            return None
        roots = [t for t in span if not (quote.start <= t.head.idx < quote.end) or t.head is t]
        for root in roots:
            governing = [a for a in root.ancestors if a in cues]
            if governing:
                chosen = _outermost(governing)
                outer = _own_subject(chosen)
                if outer is not None and _outlet(outer, self.outlets):
                    return governing[0]  # "X dismissed it as '...', state television reported": X's words
                return chosen
        return None

    # Reported speech -----------------------------------------------------------------------------

    def _reported(self, unit: Unit, tokens: list[Token]) -> list[Candidate]:
        inside_unit = {t.i for t in tokens}
        found = []
        for cue in _cues(tokens, unit.quotes, ASSERTING_VERBS):  # "denied that X": X is not what was said
            relative = _named_relative_speaker(cue)
            if _is_according(cue) or _reported_within(cue, self.tag) and not relative:
                continue  # "X said it would act after Y claimed that ...": Y's claim is part of what X said
            clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and c.i in inside_unit]
            # "X said Y, Reuters reports": the parser hangs Y on the outlet's verb, and that on X's (not a clause of
            # time it hangs there: "..., after a drone was sighted, Reuters reports")
            clauses += [g for c in cue.children if c.dep_ == "ccomp" and c.i in self.tag for g in c.children
                        if g.dep_ == "ccomp" and g.i > cue.i and g.i in inside_unit
                        and not any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS for m in g.children)]
            if clauses and cue.dep_ in {"relcl", "advcl"} and not _has_subject(clauses[0]) and not relative:
                continue  # "jets that it said had entered ...": the clause lost its subject to the relative
            clauses = (clauses or _object_clause(cue, inside_unit) or _misparsed_clause(cue, inside_unit)
                       or _clause_past_a_time_clause(cue, inside_unit) or _fronted_before_citing(cue, inside_unit))
            parts = self._parts(clauses, inside_unit) if clauses else []
            aside = None if clauses else _aside(cue, tokens, unit.quotes)
            if aside is not None and any(c.dep_ == "ccomp" for v in _cues(aside.content, unit.quotes, REPORTING_VERBS)
                                         for c in v.children):
                continue  # "X says Y, an official said": what is reported is X's statement, read on its own
            if aside is not None:
                parts = [aside.content]
            subject = aside.speaker if aside is not None else self.subject(cue, tokens, unit)
            if subject is not None and _outlet(subject, self.outlets):
                continue  # "..., the news agency reported": it carries the story, nobody said it to it
            for part in parts:
                if relative:  # "which the ministry said endangered ...": what the relative stands for is not said
                    part = [t for t in part if t.i > cue.i]
                if part and any(_inside(t, unit.quotes) for t in part):
                    part = (_clause_before_closing_quotation(part, unit.quotes)
                            or _clause_after_opening_quotation(part, unit.quotes)) if part[0].i > cue.i else []
                    if not part:
                        continue  # a frame around a partial quotation, which is the statement
                if part and part[0].i == cue.i + 1 and part[0].lower_ in DAYS_SAID and part[0].dep_ == "npadvmod":
                    part = part[1:]  # "said Tuesday the crossing was shut": the day it was said, not of the clause
                text = _text(part)
                if _words(text) >= MIN_REPORTED_WORDS and any(t.pos_ in {"VERB", "AUX"} for t in part):
                    confidence = 0.75 if clauses else 0.7
                    rule = "statement.reported_clause" if clauses else "statement.reported_aside"
                    found.append(Candidate(cue, subject, "reported", text, part[0].idx, unit, confidence, rule))
        return found

    def subject(self, cue: Token, tokens: list[Token], unit: Unit) -> Token | None:
        """The cue's subject; when the parser took a word of the content or of a quotation for it, the
        phrase set off by a comma next to the cue ("..., the Joint Chiefs of Staff said")."""
        subject = _subject(cue)
        if _is_according(cue):
            return subject
        document = _inverted_document(cue)
        if document is not None:
            return document
        aside = _aside(cue, tokens, unit.quotes)
        if aside is not None and (subject is None or _inside(subject, unit.quotes) or subject.right_edge.i < aside.start):
            return aside.speaker
        return subject

    def _parts(self, clauses: list[Token], inside_unit: set[int]) -> list[list[Token]]:
        """A reported clause (one, when the parser split it: "said the army would have fired had it ..."),
        without the speech acts coordinated with it or hung on it ("said the defences had worked and described
        ...", "denied that X, saying Y"), which are statements of their own; split into its coordinated
        clauses ("that A and that B") only when one of them holds a quotation, so that the other is still
        reported; a verb coordinated without a subject or a quotation of its own shares the quoted clause's
        frame."""
        dropped = {t.i for clause in clauses for c in clause.subtree if c is not clause and c.dep_ in {"conj", "advcl"}
                   and c.lemma_.lower() in QUOTING_VERBS | CITING and c.tag_ in {"VBG", "VBD", "VBZ"} for t in c.subtree}
        chosen = {t.i for clause in clauses for t in clause.subtree}
        doc = clauses[0].doc  # the chosen tokens in doc order, not a walk over the whole doc per clause
        tokens = [doc[i] for i in sorted(chosen) if i in inside_unit and i not in dropped]
        if len(clauses) > 1 or not any(self._quoted(t) for t in tokens):
            return [tokens]
        clause = clauses[0]
        conjuncts = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i not in dropped
                     and c.lemma_.lower() not in DECLINING  # "..., but declined to say whether ...": nothing said
                     and (_has_subject(c) or any(self._quoted(t) for t in c.subtree))]
        # 'said the flight "broke the rules" and endangered ...': a bare verb after the quotation is in its frame
        if not conjuncts:
            return [tokens]
        split = {t.i for c in conjuncts for t in c.subtree}
        main = [t for t in tokens if t.i not in split]
        return [main] + [p for c in conjuncts for p in self._parts([c], inside_unit)]

    def _stances(self, unit: Unit, tokens: list[Token]) -> list[Candidate]:
        """A stand, an appeal or a label stated by a pattern (:mod:`.speech_patterns`): "the ministry condemned the
        incursion", "called on Moscow to withdraw", "called the flight a provocation". The verb with what it takes
        is what was said; a quotation inside it is the statement instead, and a verb with a clause of its own is
        reported speech already."""
        inside_unit = {t.i for t in tokens}
        found = []
        for match in self.stances:
            cue, speaker = match.cue, _named_after_description(_past_time_opener(match.speaker))
            if cue.i not in inside_unit or _inside(cue, unit.quotes) or not _asserted(cue) \
                    or any(c.dep_ == "ccomp" and c not in match.nodes.values() for c in cue.children) \
                    or _outlet(speaker, self.outlets) \
                    or any(c.dep_ == "conj" for c in speaker.children) \
                    or _reported_within(cue, self.tag) and "clause" not in match.nodes \
                    or _announced_by_person(cue, speaker) or _denial_told_by_its_reason(cue):
                continue  # "Estonia and Poland accused ...": a joint stand is no one speaker's
            clause = match.nodes.get("content")
            content = _text_of_clause(clause) if clause is not None else _stance_content(match, unit.quotes)
            if "claim" in match.nodes:  # "X denies this.": what is denied is said only with the sentence before
                content = sorted([*speaker.subtree, *content], key=lambda t: t.i)
            if clause is None and any(_inside(t, unit.quotes) for t in content):
                continue  # the quotation is the statement
            text = _surface(content)
            if _words(text) >= MIN_REPORTED_WORDS:
                found.append(Candidate(cue, speaker, "reported", text, content[0].idx, unit, 0.7, match.rule))
        return found

    def _according(self, unit: Unit, tokens: list[Token]) -> list[Candidate]:
        """ "X happened, according to Y" / "According to Y, X happened": Y reports X."""
        found = []
        for cue in tokens:
            if not _is_according(cue) or _inside(cue, unit.quotes):
                continue
            source = _subject(cue)
            if source is not None and _outlet(source, self.outlets):
                continue  # "according to the broadcaster": the outlet carrying the story
            end = _attribution_end(cue, source)
            content = [t for t in tokens if t.i < _attribution_start(cue) or t.i > end]
            if any(_inside(t, unit.quotes) for t in content) or _cues(content, unit.quotes, REPORTING_VERBS):
                continue  # a quotation, or somebody's statement that a news agency reports
            text = _text(content)
            if _words(text) >= MIN_REPORTED_WORDS:
                found.append(Candidate(cue, source, "reported", text, content[0].idx, unit, 0.65,
                                       "statement.according_to"))
        return found


def _inverted_document(cue: Token) -> Token | None:
    """ '"...," read a statement from the government', '"...," added the statement': after the words, the verb
    comes before the document that says them, and the parser takes the document for the verb's object. A verb of
    speaking with no subject of its own and a document for its object, after a comma, is said by that document."""
    if _own_subject(cue) is not None or cue.i == 0 or not any(t.text == "," for t in cue.doc[max(0, cue.i - 3): cue.i]):
        return None
    return next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and c.lemma_.lower() in READ_DOCUMENTS), None)


def _reported_within(verb: Token, tag: set[int]) -> bool:
    """Whether a verb stands in a clause that another verb before it reports ("the minister said Estonia had asked
    for talks"): it is part of that statement, not one of its own. A cue after the words ("X said ..., the agency
    said") attributes them instead, and a denial reports nothing said; an outlet's tag the parser hung the words on
    (", Reuters reports", left out of the sentence) reports none of them."""
    return any(a.lemma_.lower() in ASSERTING_STATEMENT_VERBS and a.i < verb.i for a in verb.ancestors
               if any(t.dep_ in {"ccomp", "xcomp"} and t.i not in tag for t in a.children if verb in t.subtree))


OUTLET_TAG_WORDS = 4  # the longest outlet's name a tag gives: ", the Associated Press reported"


def _without_outlet_tag(tokens: list[Token], outlets: frozenset[str]) -> list[Token]:
    """A sentence without the tag that ends it naming the outlet the story comes from (", Reuters reports.", ", the
    news agency said."): the outlet carries the words, says none of them, and its verb is no frame of theirs."""
    end = len(tokens)
    while end and tokens[end - 1].is_punct:
        end -= 1
    if end < 3 or tokens[end - 1].lemma_.lower() not in {"report", "say", "write"} or tokens[end - 1].pos_ != "VERB":
        return tokens
    comma = next((k for k in range(end - 2, max(end - 3 - OUTLET_TAG_WORDS, 0), -1) if tokens[k].text == ","), None)
    outlet = tokens[end - 2]
    if comma is None or comma == 0 or not _outlet(outlet, outlets) or is_press_office(outlet) or any(
            t.is_punct for t in tokens[comma + 1: end - 1]):
        return tokens
    return tokens[:comma]


def _denial_told_by_its_reason(verb: Token) -> bool:
    """Whether a denial or a rejection goes on to say what happened instead ("denied that its jets crossed, saying
    they had stayed over the sea", "rejected the report, saying all its boats were ..."): that saying is the
    statement, the denied clause or the rejected claim is not what was said."""
    return verb.lemma_.lower() in REJECTING and any(
        t.tag_ == "VBG" and t.lemma_.lower() in QUOTING_VERBS for t in verb.subtree if t.i > verb.i)  # the parser
    # may hang "saying" on the denied clause's verb


def _announced_by_person(verb: Token, speaker: Token) -> bool:
    """Whether a place's stand is what a named person then says was taken ("Vienna has condemned the flight,
    Foreign Minister Lena Bauwerk announced"): the capital or state stands for that person's government, and the
    statement is the person's (the parser may hang the later verb anywhere in the sentence after the stand)."""
    if speaker.pos_ != "PROPN" or not country_of(speaker):
        return False
    return any(t.lemma_.lower() in ASSERTING_STATEMENT_VERBS and t.i > verb.i and t.pos_ == "VERB"
               and (any(s.dep_ == "nsubj" and s.ent_type_ == "PERSON" for s in t.children)
                    or t.nbor(-1).ent_type_ == "PERSON") for t in verb.doc[verb.i + 1: verb.sent.end])


def _text_of_clause(clause: Token) -> list[Token]:
    """A that-clause without its "that": "an announcement that Moscow was stirring unrest"."""
    return [t for t in clause.subtree if not (t.lower_ == "that" and t.head is clause and t.i < clause.i)]


def _stance_content(match: SpeechMatch, quotes: tuple[Quote, ...]) -> list[Token]:
    """The verb of a stance with its adverbs and auxiliaries and what it takes ("has strongly condemned the
    incursion"), without its subject, the time or place set between subject and verb, or the acts coordinated
    with it ("... but gave no details"), which are not the stand; a speech act coordinated with it ("condemned
    the attack and stressed that ...") is part of one statement, unless it quotes (the quotation is its own)."""
    cue = match.cue
    left = [c for c in cue.children if c.i < cue.i and c.dep_ in {"aux", "advmod", "neg"} and c.i > match.speaker.i]
    said = [c for c in cue.children if c.dep_ == "conj" and c.lemma_.lower() in QUOTING_VERBS
            and not any(_inside(t, quotes) for t in c.subtree)]
    dropped = {t.i for c in cue.children if c.dep_ in {"conj", "punct"} and c not in said
               or c.dep_ == "cc" and not said
               or c.dep_ == "advcl" and c.lemma_.lower() in QUOTING_VERBS for t in c.subtree}
    right = [t for c in cue.children if c.i > cue.i and c.i not in dropped for t in c.subtree if t.i not in dropped]
    if "as" in match.nodes and "head" in match.nodes:  # "was quoted as denying the jet was armed": the parser hangs
        # the rest of the participle's clause on the citing verb, after "as"
        right += [t for c in match.nodes["head"].children if c.i > match.nodes["as"].i and c.dep_ not in {"punct", "cc"}
                  for t in c.subtree]
    return sorted({t.i: t for t in [*left, cue, *right]}.values(), key=lambda t: t.i)


def _covered(words: str, by: str) -> float:
    """How much of ``words`` is in ``by``."""
    wa, wb = set(re.findall(r"\w+", words.lower())), set(re.findall(r"\w+", by.lower()))
    return len(wa & wb) / len(wa) if wa else 0.0


def _duplicate(fact: StatementFact, kept: list[StatementFact]) -> bool:
    """The same words by the same speaker again (a standfirst repeating the body, a clause already part of a
    stance); not a full quotation after a fragment of it was quoted before ("said the swarm 'moved along the shore'. ...
    A spokeswoman said: '... lights that moved along the shore ...'"), which holds more than the fragment."""
    return any(k.speaker.name == fact.speaker.name and k.mode == fact.mode
               and _covered(fact.quote, k.quote) >= DUPLICATE_OVERLAP and min(_words(k.quote), _words(fact.quote)) >= 3
               or k.speaker.name == fact.speaker.name and k.quote.lower() == fact.quote.lower() for k in kept)


def extract_statements(analysed: AnalysedArticle) -> list[StatementFact]:
    """Statements of the standfirst and body, in reading order."""
    resolver = SpeakerResolver(analysed)
    published = analysed.article.published_on
    facts: list[StatementFact] = []
    for field_name, doc in analysed.fields():
        if field_name == "headline":
            continue
        reader = FieldReader(field_name, doc, resolver.index.outlets)
        previous: Speaker | None = None
        for unit in reader.units:
            spoken: Speaker | None = None
            for candidate in reader.candidates(unit):
                speaker = _speaker(candidate, resolver, field_name, previous)
                if speaker is None:
                    continue
                joint = resolver.co_speakers(candidate.subject) if speaker.kind == "person" and candidate.cue else []
                for said_by, rule in [(speaker, candidate.rule), *((s, f"{candidate.rule}.joint") for s in joint)]:
                    fact = StatementFact(
                        speaker=said_by, mode=candidate.mode, quote=candidate.quote,
                        cue=_cue_text(candidate.cue, candidate.subject) if candidate.cue is not None else None,
                        said_on=_said_on(candidate.cue, published), evidence=(_evidence(field_name, reader.text, unit),),
                        confidence=candidate.confidence, rules=(rule,),
                    )
                    if not _duplicate(fact, facts):
                        facts.append(fact)
                resolver.spoke(speaker, place(candidate.cue or doc[0], field_name), reader.text[unit.start:unit.end])
                spoken = speaker
            if spoken is None:
                _note_issuer(reader, unit, resolver)
            previous = spoken or _colon_speaker(reader, unit, resolver)
    return facts


def _note_issuer(reader: FieldReader, unit: Unit, resolver: SpeakerResolver) -> None:
    """ "The army issued a statement", "the command reported the intercept in a post on X": who "the statement read"
    will later mean, and "it said"."""
    for token in reader.tokens(unit):
        verb = token.head
        issued = token.dep_ == "dobj" and verb.lemma_.lower() in ISSUING
        if token.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in CUE_VENUE_PREPOSITIONS:
            verb = verb.head  # "reported the intercept in a post": the verb the document is the venue of
            issued = verb.lemma_.lower() in REPORTING_VERBS | ISSUING and any(c.dep_ == "dobj" for c in verb.children)
        if token.lemma_.lower() in DOCUMENTS and issued:
            speaker = resolver.speaker(_own_subject(verb), reader.field_name)
            if speaker is not None:
                resolver.spoke(speaker, place(verb, reader.field_name), reader.text[unit.start:unit.end])


def _speaker(candidate: Candidate, resolver: SpeakerResolver, field_name: str, previous: Speaker | None) -> Speaker | None:
    """The candidate's speaker; a quotation without a cue that opens its sentence goes on from the
    statement just before it ('"...," he said. "..."')."""
    if candidate.cue is None:
        return previous
    if candidate.mode == "direct" and _continuing_participle(candidate):
        return previous
    return resolver.speaker(candidate.subject, field_name)


def _continuing_participle(candidate: Candidate) -> bool:
    """ '"It entered our airspace twice," adding that ...', '"...," alleging that ...': a quotation whose cue is a
    participle with no subject outside the quotation goes on with the speaker of the statement before it."""
    cue, subject = candidate.cue, candidate.subject
    if cue is None or cue.tag_ != "VBG" or cue.idx < candidate.position:
        return False
    return subject is None or candidate.position <= subject.idx < candidate.position + len(candidate.quote)


def _colon_speaker(reader: FieldReader, unit: Unit, resolver: SpeakerResolver) -> Speaker | None:
    """ "Lind told reporters:" at a paragraph's end introduces the quotation of the next paragraph."""
    if not reader.text[unit.start:unit.end].endswith(":"):
        return None
    tokens = reader.tokens(unit)
    cues = _cues(tokens, unit.quotes, QUOTING_VERBS)
    return resolver.speaker(_subject(cues[-1]), reader.field_name) if cues else None
