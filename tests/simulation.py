"""The pipeline in one process, through the same pure steps the agents and views run (ledger, counting).

For property tests that need many interleavings; the broker tests check the agents themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from streams.article import Article
from streams.counting import cells, incident_counts
from streams.events import Event, event_id
from streams.ledger import ArticleState, advance
from streams.validation import parse_document


class Simulation:
    def __init__(self, derive: Callable[[Article], list[Event]]) -> None:
        self.derive = derive
        self.articles: dict[str, ArticleState] = {}
        self.topics: dict[str, list[Event]] = {"incident": [], "statement": []}
        self.offset = 0

    def feed(self, document: dict[str, Any]) -> None:
        article = parse_document(document)
        assert isinstance(article, Article), article
        transition = advance(self.articles.get(article.article_id), article, self.derive, self.offset)
        self.offset += 1
        if transition is None:
            return
        for event in transition.events:
            self.topics[event["type"]].append(event)
        self.articles[article.article_id] = transition.state

    def live(self, kind: str) -> dict[str, Event]:
        latest: dict[str, Event] = {}
        for event in self.topics[kind]:
            if event["op"] == "retract":
                latest.pop(event_id(event), None)
            else:
                latest[event_id(event)] = event
        return latest

    def counts(self) -> dict[str, dict[str, int]]:
        return incident_counts(cells(self.live("incident").values()).items())
