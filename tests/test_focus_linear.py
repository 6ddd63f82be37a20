"""The cheap pass reads a text in one sweep: the same sentences and the same focus as the plain
definitions below, which rescan the text before every sentence end (quadratic: a 1 MB body took minutes).

The reference functions are the straightforward statements of the rules (the code before it was made
linear); the texts are invented sentences assembled at random, with quotations, abbreviations,
initials, names and offices mentioned again, so the lookups the fast code indexes are exercised.
"""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from streams.extraction import quotes
from streams.extraction.focus import _cued, _links, _words, focus, relevant_units
from streams.extraction.lexicon import ANAPHORS
from streams.extraction.quotes import SENTENCE_END, Quote, Unit, find_quotes, units


def reference_abbreviation(text: str, index: int) -> bool:
    words = text[:index + 1].rsplit(None, 2)
    word = words[-1]
    if len(word) == 2 and word[0].isupper():
        return len(words) > 1 and words[-2][:1].isupper()
    return bool(quotes.INITIALS.search(word)) or word[:-1].lower().lstrip("(") in quotes.ABBREVIATIONS


def reference_capital_follows(text: str, index: int) -> bool:
    rest = text[index + 1:].lstrip(" ")
    return not rest or rest[0] == "\n" or rest[0].isupper() or rest[0] in quotes.OPENING or rest[0].isdigit()


def reference_ends_sentence(text: str, index: int, found: list[Quote]) -> bool:
    char = text[index]
    if char == "\n":
        return True
    quote = next((q for q in found if q.opening <= index <= q.closing), None)
    if quote is not None:
        return (index == quote.closing and text[index - 1:index] in tuple(SENTENCE_END)
                and reference_capital_follows(text, index))
    if char not in SENTENCE_END or char == "." and reference_abbreviation(text, index):
        return False
    following = text[index + 1:index + 2]
    return following in ("", " ", "\n") and (following != " " or reference_capital_follows(text, index))


def reference_units(text: str, found: list[Quote]) -> list[Unit]:
    bounds, start = [], 0
    for index in range(len(text)):
        if reference_ends_sentence(text, index, found):
            bounds.append((start, index + 1))
            start = index + 1
    bounds.append((start, len(text)))
    result = []
    for begin, end in bounds:
        segment = text[begin:end]
        left, right = begin + len(segment) - len(segment.lstrip()), begin + len(segment.rstrip())
        if right > left:
            result.append(Unit(left, right, tuple(q for q in found if left <= q.opening < right)))
    return result


def reference_relevant_units(text: str) -> list[Unit]:
    found = reference_units(text, find_quotes(text))
    sentences = [text[unit.start:unit.end] for unit in found]
    words = [_words(sentence) for sentence in sentences]
    keep = {i for i, unit in enumerate(found) if _cued(sentences[i], words[i], unit)}
    if not keep:
        return []
    keep |= {i - 1 for i in keep if i > 0 and not words[i].isdisjoint(ANAPHORS)}
    keep.add(0)
    for i in sorted(keep):
        for link in _links(sentences[i], words[i]):
            earlier = [j for j in range(i) if (link in sentences[j] if link[:1].isupper() else link in words[j])]
            keep.update(earlier[:1] + earlier[-1:])
    return [found[i] for i in sorted(keep)]


PIECES = [
    "The harbour board met on Tuesday.", "Gen. Tova Marlow inspected the depot.", "Tova Marlow said little.",
    "Marlow's aide declined to comment.", "The minister said the drones flew low.", "It stayed for six minutes.",
    "He told reporters the jets had left.", "The U.S. envoy arrived at 9 a.m. on Friday.",
    "A.B. Quillon wrote on X.", "Officials counted 14 balloons!", "Was it a test?",
    '"We saw two aircraft." The ministry said so.', "\u201cThe lights were bright,\u201d the statement read.",
    '"An open quote runs on', "The council of Vell approved a budget.", "Prices rose by 3.5 percent.",
    "Vell-Oru officials protested", "the spokesperson added.", "MAY 13 - A helicopter crossed the border.",
    "23:55 - Sirens sounded.", "According to the navy, a frigate shadowed the ship.",
]
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).flatmap(
    lambda pieces: st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", ""]), min_size=len(pieces),
                            max_size=len(pieces)).map(lambda gaps: "".join(p + g for p, g in zip(pieces, gaps))))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_units_are_those_of_the_plain_definition(text: str) -> None:
    assert units(text, find_quotes(text)) == reference_units(text, find_quotes(text))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_the_kept_sentences_are_those_of_the_plain_definition(text: str) -> None:
    assert relevant_units(text) == reference_relevant_units(text)


def test_a_long_body_keeps_what_each_of_its_stories_keeps() -> None:
    """A body of many stories (a live blog) keeps the cue sentences of every story, far apart."""
    story = ("Residents of Vell heard engines overnight. Gen. Tova Marlow inspected the depot.\n"
             "Marlow said three drones had crossed into the country's airspace.\n"
             "The harbour board met on Tuesday. Prices rose by 3.5 percent.\n")
    body = story * 400
    focused = focus(body)
    assert len(focused) == len(body)
    assert focused.count("three drones had crossed") == 400
    assert focused.count("Prices rose") == 0
