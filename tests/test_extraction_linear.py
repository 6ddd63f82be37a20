"""Extraction does work linear in the text: the entity lookup and the clustering that replaced quadratic scans
answer exactly as the plain definitions (``Span.ents``; "compatible with every member"), and clustering a report
repeated many times asks a number of questions linear in the repeats. The texts are invented sentences."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

from streams.extraction import incidents
from streams.extraction.mentions import Mention
from streams.extraction.model import FuzzyDate
from streams.extraction import speakers
from streams.extraction.nlp import entities, entity_at, load_pipeline, paragraph_breaks
from streams.extraction.statements import FieldReader, _inside

TEXT = ("A pair of Russian navy helicopters strayed over Finnish waters close to Porvoo on Friday, an official in Helsinki said. "
        "NATO jets from Italy escorted them out overnight. Drones were seen over the Alder air base on 3 March. "
        "Prime Minister Jane Doe of Latvia spoke to Reuters in Riga on Monday.\n"
        "The Lithuanian army said a balloon from Belarus crossed the border last night. ") * 3


@lru_cache(maxsize=1)
def doc() -> Doc:
    return load_pipeline()(TEXT)


def naive_cluster(mentions: list[Mention], published: dt.date) -> list[list[Mention]]:
    """The rule as first written: a mention joins the first cluster every member of which it is compatible with."""
    clusters: list[list[Mention]] = []
    order = sorted(mentions, key=lambda m: (m.supporting, incidents._months_before(m, published), not m.date_in_clause,
                                            incidents._precision(m), m.order))
    for mention in order:
        home = next((c for c in clusters if all(incidents._compatible(mention, o) for o in c)), None)
        if home is None:
            clusters.append([mention])
        else:
            home.append(mention)
    return clusters


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 200), st.integers(0, 200))
def test_the_entities_of_a_span_are_its_ents(a: int, b: int) -> None:
    parsed = doc()
    start, end = sorted((min(a, len(parsed)), min(b, len(parsed))))
    span = parsed[start:end]
    assert [(e.start, e.end, e.label_) for e in entities(span)] == [(e.start, e.end, e.label_) for e in span.ents]


def test_the_entities_of_each_sentence_are_its_ents() -> None:
    for sentence in doc().sents:
        assert [(e.start, e.end, e.label_) for e in entities(sentence)] == [
            (e.start, e.end, e.label_) for e in sentence.ents]


def test_the_entity_at_a_token_is_the_one_of_doc_ents_that_holds_it() -> None:
    parsed = doc()
    for token in parsed:
        holding = [e for e in parsed.ents if e.start <= token.i < e.end]
        found = entity_at(parsed, token.i)
        assert [(found.start, found.end)] == [(e.start, e.end) for e in holding] if holding else found is None


def test_a_token_is_in_a_quotation_as_the_plain_scan_says() -> None:
    quoted = load_pipeline()('The minister said: "We saw two drones." Later, "it was a balloon," an aide said, '
                             'and the so-called "grey zone" was mentioned. "Nothing more," she added.')
    reader = FieldReader("body", quoted)
    assert reader.quotes
    assert [reader._quoted(t) for t in quoted] == [_inside(t, reader.quotes) for t in quoted]


def test_a_line_break_starts_a_sentence_as_setting_each_token_does() -> None:
    text = "A drone was seen.\nIts origin is unknown, officials said\n\nThe border guard searched the area."
    expected = load_pipeline().make_doc(text)
    for token in expected[1:]:
        if "\n" in expected[token.i - 1].text:
            token.is_sent_start = True
    found = paragraph_breaks(load_pipeline().make_doc(text))
    assert [t.is_sent_start for t in found] == [t.is_sent_start for t in expected]


def test_the_country_before_a_token_is_the_last_one_named_before_it() -> None:
    parsed = doc()
    for token in parsed:
        before = [code for ent, code in speakers._ent_countries(parsed)
                  if ent.end <= token.i and not speakers._hardware_adjective(ent)]
        assert speakers._country_before(token) == (before[-1] if before else None)


DATES = [None, FuzzyDate("2025-03-03", "day"), FuzzyDate("2025-03-04", "day"), FuzzyDate("2025-03", "month")]
mention_fields = st.fixed_dictionaries({
    "sentence": st.integers(0, 14), "violator": st.sampled_from([None, "RU", "BY"]), "by_origin": st.booleans(),
    "model": st.sampled_from([None, "MiG-31"]), "occurred_on": st.sampled_from(DATES),
    "date_in_clause": st.booleans(), "supporting": st.booleans(),
    "location": st.sampled_from([None, "the Alder air base", "Birch"]),
    "heading": st.sampled_from([None, FuzzyDate("2025-03-03", "day")]),
})


def mention(fields: dict, kind: str = "drone_sighting") -> Mention:
    sentences = list(doc().sents)
    return Mention(kind=kind, country="EE", field="body", rule="test", **{**fields, "sentence": sentences[fields["sentence"] % len(sentences)]})


@settings(max_examples=300, deadline=None)
@given(st.lists(mention_fields, max_size=14), st.sampled_from([dt.date(2025, 3, 5), dt.date(2025, 5, 20)]))
def test_clustering_groups_mentions_as_the_plain_rule(fields: list[dict], published: dt.date) -> None:
    mentions = [mention(f) for f in fields]
    assert [[id(m) for m in c] for c in incidents._cluster(mentions, published)] == [
        [id(m) for m in c] for c in naive_cluster(mentions, published)]


@pytest.mark.parametrize("repeats", [100])
def test_clustering_a_report_repeated_asks_questions_linear_in_the_repeats(monkeypatch, repeats: int) -> None:
    asked = []
    real = incidents._compatible

    def counted(a: Mention, b: Mention) -> bool:
        asked.append(1)
        return real(a, b)

    monkeypatch.setattr(incidents, "_compatible", counted)
    sentences = [s for s in doc().sents if "night" not in s.text]  # one likeness: no report "around midnight"
    report = {"violator": "RU", "occurred_on": DATES[1], "date_in_clause": True}

    def questions(n: int) -> int:
        asked.clear()
        clusters = incidents._cluster([Mention(kind="airspace_violation", country="EE", field="body", rule="test",
                                               sentence=sentences[i % len(sentences)], **report) for i in range(n)],
                                     dt.date(2025, 3, 5))
        assert len(clusters) == 1
        return len(asked)

    for n in (repeats, 4 * repeats):  # the plain rule asked n(n-1)/2 questions
        assert questions(n) <= 2 * n  # one likeness: at most one member in the mention's sentence and one other


def test_a_sentence_is_in_the_lead_as_the_plain_definition_says() -> None:
    """The lead's bounds are read once per doc; each sentence is in it exactly when the plain scan says so: no line
    break before it, or fewer than LEAD_SENTENCES sentences (neither blank nor datelines) before it."""
    text = "OSLO (AP) —\n" + TEXT.replace(". ", ".\n", 2)  # a dateline, then sentences a line each, then a paragraph
    parsed = load_pipeline()(text)
    for sentence in parsed.sents:
        plain = "\n" not in text[:sentence.start_char] or sum(
            1 for s in parsed.sents if s.text.strip() and not incidents._dateline(s)
            and s.start_char < sentence.start_char) < incidents.LEAD_SENTENCES
        mention = SimpleNamespace(field="body", sentence=sentence)
        assert incidents._leading(mention) is plain, sentence.text  # type: ignore[arg-type]
