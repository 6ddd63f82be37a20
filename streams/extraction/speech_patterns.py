"""Speech constructions stated as data: named spaCy ``DependencyMatcher`` patterns in ``patterns/speech/*.json``.

A construction of news English that a pattern can state ("the embassy dismissed the reports", "the ministry
called on Moscow to ...", "the president called the flight a provocation") is written once, as a named pattern
over the parse, instead of as tree-walking code; the name is the rule the statement carries into its event, so a
wrong statement is traced to the pattern that produced it. What a pattern cannot state (who a subject is, where
the words end, whether they were asserted) stays in code (:mod:`.statements`, :mod:`.speakers`).

Word lists stay in the one lexicon: a pattern names one as ``"@NAME"`` (a set in :mod:`.lexicon`) where spaCy
expects a list, so a verb added there reaches the patterns too. Every pattern binds the node ``cue`` (the speech
verb) and ``speaker`` (its subject's head). A file that does not say this, or names a list the lexicon lacks,
fails at load with the file and the pattern named.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from streams.extraction import lexicon

PATTERN_DIR = Path(__file__).resolve().parent / "patterns" / "speech"
REQUIRED_NODES = ("cue", "speaker")
LIST_MARK = "@"


class PatternError(ValueError):
    """A pattern file that cannot be used: the message names the file and the pattern."""


@dataclass(frozen=True, slots=True)
class SpeechPattern:
    name: str
    nodes: tuple[str, ...]  # the RIGHT_IDs, in the order the matcher reports their tokens
    pattern: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class SpeechMatch:
    """One pattern matched: its name (the statement's rule) and the tokens its nodes bound."""

    rule: str
    nodes: dict[str, Token]

    @property
    def cue(self) -> Token:
        return self.nodes["cue"]

    @property
    def speaker(self) -> Token:
        return self.nodes["speaker"]


def _resolve(value: Any, where: str) -> Any:
    """Replaces "@NAME" by the lexicon's word list of that name (sorted, so the pattern is the same every run)."""
    if isinstance(value, str) and value.startswith(LIST_MARK):
        words = getattr(lexicon, value[1:], None)
        if not isinstance(words, (set, frozenset)):
            raise PatternError(f"{where}: the lexicon has no word list {value[1:]!r}")
        return sorted(words)
    if isinstance(value, dict):
        return {k: _resolve(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, where) for v in value]
    return value


def load_patterns(directory: Path = PATTERN_DIR) -> tuple[SpeechPattern, ...]:
    """Every pattern of every file in ``directory``, files in name order, patterns in file order (the first
    pattern that matches a cue is the one it is read by)."""
    found: list[SpeechPattern] = []
    names: set[str] = set()
    for path in sorted(directory.glob("*.json")):
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))["patterns"]
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise PatternError(f"{path.name}: not a pattern file ({error})") from error
        for entry in entries:
            name = entry.get("name")
            where = f"{path.name}: {name}"
            if not name or name in names:
                raise PatternError(f"{where}: a pattern needs a name of its own")
            pattern = _resolve(entry.get("pattern", []), where)
            nodes = tuple(node.get("RIGHT_ID") for node in pattern)
            missing = [n for n in REQUIRED_NODES if n not in nodes]
            if missing:
                raise PatternError(f"{where}: binds no {', '.join(missing)}")
            names.add(name)
            found.append(SpeechPattern(name, nodes, pattern))
    return tuple(found)


class SpeechMatcher:
    """The patterns compiled for one vocabulary."""

    def __init__(self, vocab: Vocab, patterns: tuple[SpeechPattern, ...]) -> None:
        self.patterns = {p.name: (rank, p) for rank, p in enumerate(patterns)}
        self.matcher = DependencyMatcher(vocab)
        for p in patterns:
            self.matcher.add(p.name, [p.pattern])

    def matches(self, doc: Doc) -> list[SpeechMatch]:
        """One match per cue token: the first pattern (in load order) that matched it, binding the subject
        nearest the cue (a dateline before the subject, "OSLO (AP) — Gov. X has asked", is parsed as a second
        subject)."""
        found = []
        for key, ids in self.matcher(doc):
            rank, pattern = self.patterns[doc.vocab.strings[key]]
            nodes = {node: doc[i] for node, i in zip(pattern.nodes, ids)}
            found.append((rank, abs(nodes["cue"].i - nodes["speaker"].i), SpeechMatch(pattern.name, nodes)))
        by_cue: dict[int, SpeechMatch] = {}
        for _, _, match in sorted(found, key=lambda m: m[:2]):
            by_cue.setdefault(match.cue.i, match)
        return [by_cue[i] for i in sorted(by_cue)]


@lru_cache(maxsize=2)
def speech_matcher(vocab: Vocab) -> SpeechMatcher:
    """The pattern files compiled once per vocabulary (one per loaded pipeline)."""
    return SpeechMatcher(vocab, load_patterns())
