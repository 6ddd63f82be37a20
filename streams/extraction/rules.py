"""The pattern engine: trigger constructions stated as data, in ``patterns/*.json`` beside the lexicon.

A pattern file names a spaCy matcher (``dependency`` for now) and lists named patterns; the name of the pattern
that matched becomes the ``rule`` of the mention it yields, so a wrong count is traced to a pattern a reader can
see rather than to a walk through the parse. Word lists stay in the one lexicon: a pattern writes
``{"LEMMA": {"IN": "$DISRUPTION_VERBS"}}`` and the engine puts the lexicon's list in its place.

The matchers are built once per process, and run once per parsed field (not per sentence: a matcher over a
span copies it into a new document).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from streams.extraction import lexicon
from streams.extraction.nlp import load_pipeline

PATTERN_DIR = files("streams.extraction") / "patterns"
LEXICON_REFERENCE = "$"


class PatternError(ValueError):
    """A pattern file that cannot be loaded: bad JSON, an unknown matcher or a lexicon list that does not exist."""


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """One match of a named pattern: the pattern's name and its tokens by their ``RIGHT_ID`` labels."""

    rule: str
    tokens: dict[str, Token]

    def within(self, sentence: Span) -> bool:
        return all(sentence.start <= token.i < sentence.end for token in self.tokens.values())


def _resolved(value: Any, source: str) -> Any:
    """The pattern with every ``"$NAME"`` replaced by the lexicon's list of that name, sorted (sets have no order)."""
    if isinstance(value, dict):
        return {key: _resolved(item, source) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, source) for item in value]
    if isinstance(value, str) and value.startswith(LEXICON_REFERENCE):
        words = getattr(lexicon, value[len(LEXICON_REFERENCE):], None)
        if not isinstance(words, (set, frozenset)):
            raise PatternError(f"{source}: {value} names no word list in the lexicon")
        return sorted(words)
    return value


@dataclass(frozen=True)
class PatternSet:
    """The patterns of one file, compiled, and their names by matcher key."""

    matcher: DependencyMatcher
    labels: dict[int, list[str]]  # matcher key -> the RIGHT_IDs of the pattern, in order

    def matches(self, doc: Doc) -> list[RuleMatch]:
        found = []
        for key, token_ids in self.matcher(doc):
            rule = doc.vocab.strings[key]
            found.append(RuleMatch(rule, {label: doc[i] for label, i in zip(self.labels[key], token_ids)}))
        return sorted(found, key=lambda m: min(t.i for t in m.tokens.values()))


def _compile(name: str, text: str) -> PatternSet:
    try:
        spec = json.loads(text)
    except json.JSONDecodeError as error:
        raise PatternError(f"{name}: {error}") from error
    if spec.get("matcher") != "dependency":
        raise PatternError(f"{name}: unknown matcher {spec.get('matcher')!r}")
    nlp = load_pipeline()
    matcher = DependencyMatcher(nlp.vocab)
    labels: dict[int, list[str]] = {}
    for entry in spec["patterns"]:
        pattern = _resolved(entry["pattern"], name)
        matcher.add(entry["name"], [pattern])
        labels[nlp.vocab.strings[entry["name"]]] = [node["RIGHT_ID"] for node in pattern]
    return PatternSet(matcher, labels)


@lru_cache(maxsize=None)
def pattern_set(name: str) -> PatternSet:
    """The compiled patterns of ``patterns/<name>.json``."""
    return _compile(name, (PATTERN_DIR / f"{name}.json").read_text(encoding="utf-8"))


def rule_matches(doc: Doc, name: str) -> list[RuleMatch]:
    """Every match of the patterns of ``patterns/<name>.json`` in a parsed field, in reading order."""
    return pattern_set(name).matches(doc)
