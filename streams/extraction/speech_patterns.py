"""Speech constructions stated as data: named spaCy ``DependencyMatcher`` patterns in ``patterns/speech/*.json``.

A construction of news English that a pattern can state ("the embassy dismissed the reports", "the ministry
called on Moscow to ...", "the president called the flight a provocation") is written once, as a named pattern
over the parse, instead of as tree-walking code; the name is the rule the statement carries into its event, so a
wrong statement is traced to the pattern that produced it. What a pattern cannot state (who a subject is, where
the words end, whether they were asserted) stays in code (:mod:`.statements`, :mod:`.speakers`).

The files are read and checked by the one pattern engine (:mod:`.rules`: word lists named as ``"$NAME"`` from
the lexicon, so a verb added there reaches the patterns too). Every speech pattern also binds the node ``cue``
(the speech verb) and ``speaker`` (its subject's head); a file whose pattern does not fails at load with the file
and the pattern named.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from streams.extraction.rules import PATTERN_DIR as ALL_PATTERNS
from streams.extraction.rules import GatedMatcher, NamedPattern, PatternError, bound, read_patterns

PATTERN_DIR = ALL_PATTERNS / "speech"
REQUIRED_NODES = ("cue", "speaker")


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


def load_patterns(directory: Path = PATTERN_DIR) -> tuple[NamedPattern, ...]:
    """Every pattern of every file in ``directory``, files in name order, patterns in file order (the first
    pattern that matches a cue is the one it is read by)."""
    found: list[NamedPattern] = []
    for path in sorted(directory.glob("*.json")):
        for pattern in read_patterns(path):
            where = f"{path.name}: {pattern.name}"
            if any(p.name == pattern.name for p in found):
                raise PatternError(f"{where}: a pattern needs a name of its own")
            missing = [n for n in REQUIRED_NODES if n not in pattern.nodes]
            if missing:
                raise PatternError(f"{where}: binds no {', '.join(missing)}")
            found.append(pattern)
    return tuple(found)


class SpeechMatcher:
    """The patterns compiled for one vocabulary."""

    def __init__(self, vocab: Vocab, patterns: tuple[NamedPattern, ...]) -> None:
        self.patterns = {p.name: (rank, p) for rank, p in enumerate(patterns)}
        self.matcher = GatedMatcher(vocab, patterns)

    def matches(self, doc: Doc) -> list[SpeechMatch]:
        """One match per cue token: the first pattern (in load order) that matched it, binding the subject
        nearest the cue (a dateline before the subject, "OSLO (AP) — Gov. X has asked", is parsed as a second
        subject)."""
        found = []
        for key, ids in self.matcher(doc):
            rank, pattern = self.patterns[doc.vocab.strings[key]]
            nodes = bound(doc, pattern, ids)
            found.append((rank, abs(nodes["cue"].i - nodes["speaker"].i), SpeechMatch(pattern.name, nodes)))
        by_cue: dict[int, SpeechMatch] = {}
        for _, _, match in sorted(found, key=lambda m: m[:2]):
            by_cue.setdefault(match.cue.i, match)
        return [by_cue[i] for i in sorted(by_cue)]


@lru_cache(maxsize=2)
def speech_matcher(vocab: Vocab) -> SpeechMatcher:
    """The pattern files compiled once per vocabulary (one per loaded pipeline)."""
    return SpeechMatcher(vocab, load_patterns())
