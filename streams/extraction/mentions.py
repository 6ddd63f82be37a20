"""Mentions: what one sentence reports about an incident, before the mentions of an article are merged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field as default

from spacy.tokens import Span

from streams.extraction.model import FuzzyDate
from streams.extraction.platforms import Phrase
from streams.extraction.rules import RuleMatch
from streams.model.article import TEXT_FIELDS


@dataclass
class Mention:
    """One sentence's report of an incident; several mentions merge into one incident.

    A supporting mention ("the drone left Romanian airspace after 50 minutes") adds detail to an incident
    that another mention reports, but reports none by itself.
    """

    kind: str
    country: str
    field: str
    sentence: Span
    rule: str  # which rule found it ("violation.entry", "sighting.clause", ...), carried into the event's rules
    violator: str | None = None
    by_origin: bool = False  # the violator is only where it came from ("crossed from Belarus")
    hedged: bool = False
    platform: str | None = None
    model: str | None = None
    count: int | None = None
    count_stated: bool = False  # a number was written; otherwise a singular noun implied one
    duration: float | None = None
    occurred_on: FuzzyDate | None = None
    date_in_clause: bool = True  # the date is the trigger clause's own, not the day someone "said on Friday"
    location: str | None = None
    supporting: bool = False
    heading: FuzzyDate | None = None  # the date heading the mention's line in a timeline
    occasion: int = 0  # which of the times a sentence says it happened ("spotted twice"): each its own event
    left: bool = False  # "the object left its airspace": it had been inside, whether or not its entry is told

    @property
    def order(self) -> tuple[int, int]:
        """Reading order: headline, standfirst, body, then position."""
        return TEXT_FIELDS.index(self.field), self.sentence.start_char


@dataclass(frozen=True)
class Context:
    """What a sentence's rules need from the rest of the article.

    main_country resolves "its airspace" when no clause names the owner. antecedents holds, by platform
    (and under "any"), the last intruder an earlier sentence gave a state: "the jet" in "Ankara said the jet
    had strayed into Syrian airspace" is the Turkish jet named before. article4_named tells whether the
    article names Article 4 anywhere; reported holds the mentions before the sentence ("it was most likely
    Russian" says what the last one was); request_dates the dates of the Article 4 requests before it ("eight members
    requested consultations on Thursday. A, B and C made the request ..."); model_states the state an earlier
    sentence gave each model ("it was most likely also an X" names the state "a Russian X" did).
    """

    field: str
    published: dt.date
    main_country: str | None
    article4_named: bool
    antecedents: dict[str, Phrase]
    reported: list[Mention] = default(default_factory=list)  # the article's mentions so far, in reading order
    request_dates: list[FuzzyDate] = default(default_factory=list)  # of Article 4 requests so far, whoever asked
    model_states: dict[str, str] = default(default_factory=dict)  # a model an earlier sentence gave a state ("a Russian X")
    # the day an earlier clause gave a state's aircraft, by (platform, state): "the two X jets had entered ..."
    # after "shot down two X jets on Wednesday" is Wednesday's
    intruder_days: dict[tuple[str, str], list[tuple[FuzzyDate, int | None]]] = default(default_factory=dict)
    # the matches of the declarative patterns (:mod:`.rules`) in the field, by pattern file
    matches: dict[str, list[RuleMatch]] = default(default_factory=dict)
    # the day a sentence names by counting on from the text's last one ("A day later, ..."), which no phrase of it
    # resolves to by itself
    counted_day: FuzzyDate | None = None
    # the article calls a meeting one under Article 4 ("the envoys' talks under Article 4 ended at noon"): asking for "the
    # meeting" anywhere in it asks for Article 4 consultations
    article4_meeting: bool = False
