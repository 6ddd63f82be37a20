"""The pipeline in one process, through the same pure steps the agents run (ledger, tallies).

For property tests that need many interleavings; the broker tests check the agents themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from streams.model.article import Article
from streams.model.counting import apply_update, incident_counts, moved_out_of_cells, tally_updates
from streams.model.tallies import Tally
from streams.model.events import Event, Upsert, event_type
from streams.model.ledger import ArticleState, advance
from streams.model.validation import parse_document


class Simulation:
    def __init__(self, derive: Callable[[Article], list[Upsert]]) -> None:
        self.derive = derive
        self.articles: dict[str, ArticleState] = {}
        self.topics: dict[str, list[Event]] = {"incident": [], "statement": []}
        self.tallies: dict[str, Tally] = {}
        self.offset = 0

    def feed(self, document: dict[str, Any]) -> None:
        article = parse_document(document)
        assert isinstance(article, Article), article
        transition = advance(self.articles.get(article.article_id), article, self.derive, self.offset)
        self.offset += 1
        if transition is None:
            return
        previous = self.articles.get(article.article_id)
        for key, update in moved_out_of_cells(previous and previous.live, transition.events, article):
            self.tallies[key] = apply_update(self.tallies.get(key), update, self.offset)
            self.offset += 1
        for event in transition.events:
            self.topics[event_type(event)].append(event)
            for key, update in tally_updates(event, article):
                self.tallies[key] = apply_update(self.tallies.get(key), update, self.offset)
                self.offset += 1
        self.articles[article.article_id] = transition.state

    def live(self, kind: str) -> dict[str, Event]:
        latest: dict[str, Event] = {}
        for event in self.topics[kind]:
            if event.op == "retract":
                latest.pop(event.event_id, None)
            else:
                latest[event.event_id] = event
        return latest

    def counts(self) -> dict[str, dict[str, int]]:
        return incident_counts(self.tallies.items())


Counts = dict[str, dict[str, int]]


def count_differences(got: Counts, expected: Counts) -> list[str]:
    """One line per cell whose count differs ("kind CC/YYYY: got 1, expected 2"), so a failure reads at a glance."""
    lines = []
    for kind in sorted(set(got) | set(expected)):
        cells_got, cells_expected = got.get(kind, {}), expected.get(kind, {})
        for cell in sorted(set(cells_got) | set(cells_expected)):
            if cells_got.get(cell, 0) != cells_expected.get(cell, 0):
                lines.append(f"{kind} {cell}: got {cells_got.get(cell, 0)}, expected {cells_expected.get(cell, 0)}")
    return lines
