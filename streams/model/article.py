"""The article value that extraction works on.

Extraction never sees raw bytes or Kafka records: the agent validates a raw event
first (see :mod:`streams.model.validation`) and hands over this immutable value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TEXT_FIELDS: tuple[str, ...] = ("headline", "standfirst", "body")


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    version: int
    action: str
    published_at: dt.datetime
    source: str = ""
    language: str = "en"
    headline: str = ""
    standfirst: str = ""
    body: str = ""
    url: str | None = None

    def field(self, name: str) -> str:
        """The text of a text field by name ("" when absent), as evidence offsets refer to it."""
        return getattr(self, name) or ""

    @property
    def published_on(self) -> dt.date:
        return self.published_at.date()
