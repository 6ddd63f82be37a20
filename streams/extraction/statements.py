"""Statements: who said what, quoted directly or reported, from parsed sentences.

Direct statements are the text between quotation marks (whole or partial quotes,
across sentences), attributed to the subject of the nearest speech verb outside
the marks ("..., Rutte told reporters"; "called the intrusion '...'"). Reported
statements are the clausal complement of a speech verb ("X said the alliance had
worked"). Speakers are resolved to the name first given in the article, with the
role and organisation of their title; see :mod:`streams.extraction.speakers`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from streams.extraction.dates import resolve
from streams.extraction.model import AnalysedArticle, Evidence, FuzzyDate, Speaker, StatementFact
from streams.extraction.speakers import SpeakerResolver

SPEECH_VERBS = {
    "say", "tell", "state", "declare", "warn", "insist", "add", "announce", "affirm", "note", "stress", "claim",
    "argue", "caution", "call", "describe", "write", "post", "read", "express", "voice", "promise", "reaffirm",
    "assert", "confirm", "deny", "accuse", "urge", "vow", "pledge", "emphasise", "emphasize", "acknowledge",
    "explain", "reply", "respond", "comment", "tweet", "condemn", "brand", "label", "term", "dub",
    "maintain", "predict", "admit", "conclude", "allege", "reiterate", "underline", "repeat",
}
REPORTING_VERBS = SPEECH_VERBS - {"call", "describe", "brand", "label", "term", "dub", "express", "voice",
                                  "condemn", "accuse", "urge", "reaffirm", "read"}
QUOTE = re.compile(r"[\"“]([^\"“”]{2,2000}?)[\"”]")
MIN_REPORTED_WORDS = 4


@dataclass(frozen=True)
class Quote:
    start: int  # of the words, inside the marks
    end: int
    text: str


def _quotes(text: str) -> list[Quote]:
    found = []
    for match in QUOTE.finditer(text):
        words = match.group(1).strip().rstrip(",;:.")
        if len(words.split()) >= 1 and words:
            start = match.start(1) + (len(match.group(1)) - len(match.group(1).lstrip()))
            found.append(Quote(start, start + len(words), words))
    return found


def _inside(token: Token, quotes: list[Quote]) -> bool:
    return any(q.start - 1 <= token.idx < q.end + 1 for q in quotes)


def _speech_verb(tokens: list[Token], quotes: list[Quote], near: int) -> Token | None:
    """The speech verb outside quotation marks closest to character ``near``."""
    verbs = [t for t in tokens if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in {"VERB", "AUX"} and not _inside(t, quotes)]
    verbs += [t for t in tokens if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to"]
    return min(verbs, key=lambda t: abs(t.idx - near)) if verbs else None


def _nsubj(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb; a verb without one shares it with the speech verb it is
    coordinated with ("said ... and described"), whatever the parser hung it on."""
    if verb.lower_ == "according":
        to = verb.doc[verb.i + 1]
        return next((c for c in to.children if c.dep_ == "pobj"), None)
    own = _nsubj(verb)
    if own is not None:
        return own
    ancestors = list(verb.ancestors)
    speaking = next((a for a in ancestors if a.lemma_.lower() in SPEECH_VERBS and _nsubj(a) is not None), None)
    if speaking is not None:
        return _nsubj(speaking)
    return next((_nsubj(a) for a in ancestors if _nsubj(a) is not None), None)


def _cue(verb: Token) -> str:
    if verb.lower_ == "according":
        return "according to"
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.pos_ in {"NOUN", "PROPN"}]
    if objects and verb.lemma_.lower() == "tell":
        obj = objects[0]
        return verb.doc[verb.i: obj.i + 1].text
    if verb.lemma_.lower() == "read":
        return f"the statement {verb.text}" if any(c.lower_ == "statement" for c in verb.subtree) else verb.text
    return verb.text


def _said_on(sentence: Span, verb: Token, published) -> FuzzyDate:
    for child in verb.subtree:
        if child.ent_type_ == "DATE" and abs(child.i - verb.i) <= 4:
            resolved = resolve(child.text, published) if child.ent_iob_ == "B" else None
            if resolved:
                return resolved
    return FuzzyDate(published.isoformat(), "day")


def _sentences_of(doc: Doc, start: int, end: int) -> list[Span]:
    return [s for s in doc.sents if s.start_char < end and s.end_char > start]


def _evidence(field_name: str, doc: Doc, spans: list[Span]) -> Evidence:
    start, end = spans[0].start_char, spans[-1].end_char
    return Evidence(field_name, start, end, doc.text[start:end])


def _clause_tokens(head: Token) -> list[Token]:
    """A reported clause without a coordinated speech act ("... was planned and called it '...'")."""
    dropped = {t.i for c in head.children if c.dep_ == "conj" and c.lemma_.lower() in SPEECH_VERBS for t in c.subtree}
    dropped |= {c.i for c in head.children if c.dep_ == "cc" and any(c.i < d for d in dropped)}
    return [t for t in head.subtree if t.i not in dropped]


def _clause_text(head: Token) -> str:
    tokens = _clause_tokens(head)
    while tokens and (tokens[0].lower_ in {"that", ","} or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return head.doc[tokens[0].i: tokens[-1].i + 1].text


def _direct(field_name: str, doc: Doc, resolver: SpeakerResolver, published, last: list[Speaker]) -> list[tuple[int, StatementFact]]:
    found = []
    quotes = _quotes(doc.text)
    for quote in quotes:
        sentences = _sentences_of(doc, quote.start, quote.end)
        if not sentences:
            continue
        tokens = [t for s in sentences for t in s]
        verb = _speech_verb(tokens, quotes, quote.start)
        speaker = resolver.speaker(_subject(verb), verb) if verb is not None else None
        if speaker is None and verb is None and last:
            speaker = last[-1]  # a quote that goes on after its attribution: the same speaker
        if speaker is None:
            continue
        last.append(speaker)
        fact = StatementFact(
            speaker=speaker, mode="direct", quote=quote.text, cue=_cue(verb) if verb is not None else None,
            said_on=_said_on(sentences[0], verb, published) if verb is not None else FuzzyDate(published.isoformat(), "day"),
            evidence=(_evidence(field_name, doc, sentences),), confidence=0.9 if verb is not None else 0.7,
        )
        found.append((quote.start, fact))
    return found


def _reported(field_name: str, doc: Doc, resolver: SpeakerResolver, published, last: list[Speaker]) -> list[tuple[int, StatementFact]]:
    found = []
    quotes = _quotes(doc.text)
    for sentence in doc.sents:
        taken: list[tuple[int, int]] = []
        for verb in sentence:
            if verb.lemma_.lower() not in REPORTING_VERBS or verb.pos_ not in {"VERB", "AUX"} or _inside(verb, quotes):
                continue
            clauses = [c for c in verb.children if c.dep_ == "ccomp" and not _inside(c, quotes)]
            for clause in clauses:
                text = _clause_text(clause)
                kept = _clause_tokens(clause)
                span_start, span_end = kept[0].idx, kept[-1].idx + len(kept[-1])
                if len(text.split()) < MIN_REPORTED_WORDS or any(q.start < span_end and q.end > span_start for q in quotes):
                    continue
                if any(start <= span_start and span_end <= end for start, end in taken):
                    continue  # a clause inside one already reported ("said X believed Y")
                taken.append((span_start, span_end))
                speaker = resolver.speaker(_subject(verb), verb)
                if speaker is None:
                    continue
                last.append(speaker)
                found.append((span_start, StatementFact(
                    speaker=speaker, mode="reported", quote=text, cue=_cue(verb),
                    said_on=_said_on(sentence, verb, published), evidence=(_evidence(field_name, doc, [sentence]),),
                    confidence=0.75,
                )))
    return found


def _according_to(field_name: str, doc: Doc, resolver: SpeakerResolver, published) -> list[tuple[int, StatementFact]]:
    """ "X happened, according to Y" / "According to Y, X happened": Y reports X."""
    found = []
    quotes = _quotes(doc.text)
    for sentence in doc.sents:
        for token in sentence:
            if token.lower_ != "according" or token.i + 1 >= sentence.end or doc[token.i + 1].lower_ != "to":
                continue
            source = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if source is None or _inside(token, quotes):
                continue
            phrase_end = source.right_edge.i + 1
            if token.i == sentence.start:
                content = doc[phrase_end: sentence.end]
            else:
                content = doc[sentence.start: token.i]
            text = content.text.strip(" ,.")
            speaker = resolver.speaker(source, token)
            if speaker is None or len(text.split()) < MIN_REPORTED_WORDS:
                continue
            found.append((content.start_char, StatementFact(
                speaker=speaker, mode="reported", quote=text, cue="according to",
                said_on=FuzzyDate(published.isoformat(), "day"), evidence=(_evidence(field_name, doc, [sentence]),),
                confidence=0.7,
            )))
    return found


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def extract_statements(analysed: AnalysedArticle) -> list[StatementFact]:
    """Statements of the standfirst and body (a headline paraphrases; its attributions are not statements)."""
    resolver = SpeakerResolver(analysed)
    published = analysed.article.published_on
    facts: list[StatementFact] = []
    seen: set[tuple[str, str]] = set()
    for field_name, doc in analysed.fields():
        if field_name == "headline":
            continue
        resolver.start_field(field_name, doc)
        last: list[Speaker] = []
        items = (_direct(field_name, doc, resolver, published, last) + _reported(field_name, doc, resolver, published, last)
                 + _according_to(field_name, doc, resolver, published))
        for _, fact in sorted(items, key=lambda item: item[0]):
            key = (fact.speaker.name, _normalised(fact.quote))
            if key in seen:
                continue
            seen.add(key)
            facts.append(fact)
    return facts
