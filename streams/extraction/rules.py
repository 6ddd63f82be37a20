"""The pattern engine: constructions stated as data, in ``patterns/**/*.json`` beside the lexicon.

A pattern file names a spaCy matcher (``dependency`` for now) and lists named patterns; the name of the pattern
that matched becomes the ``rule`` of the fact it yields (a mention's, a statement's), so a wrong count is traced to
a pattern a reader can see rather than to a walk through the parse. Word lists stay in the one lexicon: a pattern
writes ``{"LEMMA": {"IN": "$DISRUPTION_VERBS"}}`` and the engine puts the lexicon's list in its place. Incident
patterns are read one file at a time (:func:`rule_matches`); statement patterns, a folder at a time
(:mod:`.speech_patterns`), through the same loading and checks.

The matchers are built once per process, and run once per parsed field (not per sentence: a matcher over a
span copies it into a new document), each with only the patterns whose words the field has (:class:`GatedMatcher`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from streams.extraction import lexicon
from streams.extraction.nlp import load_pipeline

PATTERN_DIR = Path(__file__).resolve().parent / "patterns"
LEXICON_REFERENCE = "$"
MATCHERS = ("dependency",)
WORD_ATTRS = ("LEMMA", "LOWER")  # the token attributes a node can name its words by, which a doc is screened for
KIND_ATTRS = ("POS", "TAG", "DEP")  # and the kind of token such a node asks for, screened with them
WORDS = "newsroom.words"  # the key of a doc's words, with the kinds of their tokens, in its user_data
SUBSETS = 128  # the matchers kept for the sets of patterns docs have the words for (a handful occur)


class PatternError(ValueError):
    """A pattern file that cannot be used (bad JSON, an unknown matcher, a pattern without a name of its own, a
    lexicon list that does not exist): the message names the file and the pattern."""


@dataclass(frozen=True, slots=True)
class NamedPattern:
    name: str
    nodes: tuple[str, ...]  # the RIGHT_IDs, in the order the matcher reports their tokens
    pattern: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class RuleMatch:
    """One match of a named pattern: the pattern's name and its tokens by their ``RIGHT_ID`` labels."""

    rule: str
    tokens: dict[str, Token]

    def within(self, sentence: Span) -> bool:
        return all(sentence.start <= token.i < sentence.end for token in self.tokens.values())


def _resolved(value: Any, where: str) -> Any:
    """The pattern with every ``"$NAME"`` replaced by the lexicon's list of that name, sorted (sets have no order)."""
    if isinstance(value, dict):
        return {key: _resolved(item, where) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolved(item, where) for item in value]
    if isinstance(value, str) and value.startswith(LEXICON_REFERENCE):
        words = getattr(lexicon, value[len(LEXICON_REFERENCE):], None)
        if not isinstance(words, (set, frozenset)):
            raise PatternError(f"{where}: {value} names no word list in the lexicon")
        return sorted(words)
    return value


def parse_patterns(name: str, text: str) -> tuple[NamedPattern, ...]:
    """The named patterns of one pattern file's text, each checked and with its lexicon lists in place."""
    try:
        spec = json.loads(text)
        entries = spec["patterns"]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise PatternError(f"{name}: not a pattern file ({error})") from error
    if spec.get("matcher") not in MATCHERS:
        raise PatternError(f"{name}: unknown matcher {spec.get('matcher')!r}")
    found: list[NamedPattern] = []
    for entry in entries:
        pattern_name = entry.get("name")
        where = f"{name}: {pattern_name}"
        if not pattern_name or any(p.name == pattern_name for p in found):
            raise PatternError(f"{where}: a pattern needs a name of its own")
        pattern = _resolved(entry.get("pattern", []), where)
        found.append(NamedPattern(pattern_name, tuple(node.get("RIGHT_ID") for node in pattern), pattern))
    return tuple(found)


def read_patterns(path: Path) -> tuple[NamedPattern, ...]:
    return parse_patterns(path.name, path.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Screen:
    """What one token must be for a node that names its words to match it: one of ``words`` by ``attr`` (``"LEMMA":
    {"IN": [...]}``, ``"LOWER": "as"``), with the part of speech, tag and dependency the node asks for (``kinds``:
    an index into a token's (POS, TAG, DEP) and the values allowed there)."""

    attr: str
    words: frozenset[str]
    kinds: tuple[tuple[int, frozenset[str]], ...]

    def passed(self, index: dict[str, dict[str, set[tuple[str, str, str]]]]) -> bool:
        tokens = index[self.attr]
        return any(all(kinds[k] in allowed for k, allowed in self.kinds)
                   for word in self.words & tokens.keys() for kinds in tokens[word])


def _values(value: Any) -> frozenset[str] | None:
    """The values a node's attribute allows (``"x"`` or ``{"IN": [...]}``); None when it states them otherwise."""
    words = value.get("IN") if isinstance(value, dict) else [value] if isinstance(value, str) else None
    return frozenset(words) if isinstance(words, list) else None


def screens(pattern: list[dict[str, Any]]) -> tuple[Screen, ...]:
    """The screens of a pattern's nodes that name their words: a doc no token of which passes one of them cannot
    match the pattern."""
    found = []
    for node in pattern:
        attrs = {attr.upper(): values for attr, value in node.get("RIGHT_ATTRS", {}).items()
                 for values in [_values(value)] if values is not None}
        kinds = tuple((k, attrs[kind]) for k, kind in enumerate(KIND_ATTRS) if kind in attrs)
        found += [Screen(attr, attrs[attr], kinds) for attr in WORD_ATTRS if attr in attrs]
    return tuple(found)


def doc_words(doc: Doc) -> dict[str, dict[str, set[tuple[str, str, str]]]]:
    """For each lemma and each lower-cased form of a doc's tokens, the (POS, TAG, DEP) its tokens have, read once
    per doc (every pattern file screens by them)."""
    cached = doc.user_data.get(WORDS)
    if cached is None:
        cached = doc.user_data[WORDS] = {attr: {} for attr in WORD_ATTRS}
        for token in doc:
            kinds = (token.pos_, token.tag_, token.dep_)
            cached["LEMMA"].setdefault(token.lemma_, set()).add(kinds)
            cached["LOWER"].setdefault(token.lower_, set()).add(kinds)
    return cached


class GatedMatcher:
    """A ``DependencyMatcher`` that runs on each doc only the patterns the doc has the words for, each on a token of
    the kind the pattern asks for (:class:`Screen`).

    The matcher tries every node of every pattern at every token and walks each token it matches up to its root; a
    node such as ``{"DEP": "nsubj"}`` matches in nearly every sentence, so the patterns cost most of the rules' time
    although most name a word list (a trigger, a speech verb) that most fields lack. A pattern left out could not
    have matched, and what the matcher finds for a pattern depends on that pattern's nodes alone: the matches, and
    their order, are those of the matcher with every pattern.
    """

    def __init__(self, vocab: Vocab, patterns: tuple[NamedPattern, ...]) -> None:
        self.vocab = vocab
        self.patterns = patterns
        self.screens = tuple(screens(p.pattern) for p in patterns)
        self._matcher = lru_cache(maxsize=SUBSETS)(self._compile)
        self._matcher(tuple(range(len(patterns))))  # every pattern checked by spaCy at load, not at first use

    def _compile(self, present: tuple[int, ...]) -> DependencyMatcher:
        matcher = DependencyMatcher(self.vocab)
        for i in present:
            matcher.add(self.patterns[i].name, [self.patterns[i].pattern])
        return matcher

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        """``DependencyMatcher.__call__``'s matches: (pattern key, token indices in node order)."""
        words = doc_words(doc)
        present = tuple(i for i, needed in enumerate(self.screens) if all(screen.passed(words) for screen in needed))
        return self._matcher(present)(doc) if present else []


def bound(doc: Doc, pattern: NamedPattern, token_ids: list[int]) -> dict[str, Token]:
    """The tokens a match bound, by the pattern's node labels."""
    return {node: doc[i] for node, i in zip(pattern.nodes, token_ids)}


@dataclass(frozen=True)
class PatternSet:
    """The patterns of one file, compiled, by name."""

    matcher: GatedMatcher
    patterns: dict[str, NamedPattern]

    def matches(self, doc: Doc) -> list[RuleMatch]:
        found = []
        for key, token_ids in self.matcher(doc):
            rule = doc.vocab.strings[key]
            found.append(RuleMatch(rule, bound(doc, self.patterns[rule], token_ids)))
        return sorted(found, key=lambda m: min(t.i for t in m.tokens.values()))


def _compile(name: str, text: str) -> PatternSet:
    patterns = parse_patterns(name, text)
    return PatternSet(GatedMatcher(load_pipeline().vocab, patterns), {p.name: p for p in patterns})


@lru_cache(maxsize=None)
def pattern_set(name: str) -> PatternSet:
    """The compiled patterns of ``patterns/<name>.json``."""
    return _compile(f"{name}.json", (PATTERN_DIR / f"{name}.json").read_text(encoding="utf-8"))


def rule_matches(doc: Doc, name: str) -> list[RuleMatch]:
    """Every match of the patterns of ``patterns/<name>.json`` in a parsed field, in reading order."""
    return pattern_set(name).matches(doc)
