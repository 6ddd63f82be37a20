"""What extraction produces: plain values, no ids and no Kafka.

:mod:`streams.model.events` turns these into the contract's events, adding the
article's identity, deterministic ids and the extractor version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from streams.model.article import TEXT_FIELDS, Article

if TYPE_CHECKING:  # spaCy loads with the rules, not with the facts they yield
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Evidence:
    """A slice of one article field: ``article.field(field)[start:end] == text``."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class FuzzyDate:
    """A date known to a precision: value is YYYY-MM-DD, YYYY-MM or YYYY."""

    value: str
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True, slots=True)
class IncidentFact:
    kind: str  # airspace_violation | drone_sighting | article4_request
    country: str  # ISO 3166-1 alpha-2
    violator: str | None
    attribution: str | None  # attributed | suspected | unattributed
    platform: str | None  # aircraft | drone | balloon | missile | unknown
    model: str | None
    count: int | None
    duration_minutes: float | None
    occurred_on: FuzzyDate | None
    location: str | None
    evidence: tuple[Evidence, ...]
    confidence: float
    rules: tuple[str, ...] = ()  # the rules whose mentions were merged into it: how a wrong count is traced


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str  # person | organization
    role: str | None = None
    organization: str | None = None


@dataclass(frozen=True, slots=True)
class StatementFact:
    speaker: Speaker
    mode: str  # direct | reported
    quote: str
    cue: str | None
    said_on: FuzzyDate | None
    evidence: tuple[Evidence, ...]
    confidence: float
    rules: tuple[str, ...] = ()  # the rule that found it


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """An article with one parsed spaCy Doc per non-empty text field.

    Parsing is the expensive step; the incident and statement extractors share it.
    """

    article: Article
    docs: dict[str, Doc] = field(default_factory=dict)

    def fields(self) -> list[tuple[str, Doc]]:
        return [(name, self.docs[name]) for name in TEXT_FIELDS if name in self.docs]


@dataclass(frozen=True, slots=True)
class Extraction:
    incidents: tuple[IncidentFact, ...]
    statements: tuple[StatementFact, ...]
