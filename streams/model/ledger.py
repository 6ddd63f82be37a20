"""What each article currently supports, and the events that move from one version to the next.

This is the event-sourcing core, kept pure so the agent, the tests and the
property tests share it. State per article is an :class:`ArticleState`, stored in the
ledger table (and its changelog) as the JSON object::

    {"version": 3, "killed": false, "extractor": "rules-0.1.0", "offset": 41,
     "live": {event_id: retraction}}

``live`` holds, for every derived event the article currently supports, the
retraction that would withdraw it; an update retracts whatever the new version
no longer yields, a kill retracts everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec

from streams.model.article import Article
from streams.model.events import Event, Retraction, Upsert, retraction


class ArticleState(msgspec.Struct, frozen=True):
    """Where an article stands: the version applied (a kill included), the extractor that derived it, the raw
    offset it came from, and the retraction of every derived event it currently supports (by event id)."""

    version: int
    killed: bool
    extractor: str = ""  # states written before extractors were recorded have none
    offset: int = -1
    live: dict[str, Retraction] = msgspec.field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The state as the ledger table stores it (the same object, key for key, as before it was typed)."""
        encoded: dict[str, Any] = msgspec.to_builtins(self)
        return encoded

    @classmethod
    def from_json(cls, stored: dict[str, Any] | None) -> ArticleState | None:
        """The state a ledger table entry holds (None: the article is new)."""
        return None if stored is None else msgspec.convert(stored, cls)


@dataclass(frozen=True, slots=True)
class Transition:
    events: list[Event]
    state: ArticleState


def is_stale(state: ArticleState | None, article: Article, extractor: str,
             keep_before: dt.datetime | None = None) -> bool:
    """A version below the one applied changes nothing (arrived late), nor does the same one again
    (a duplicate) unless a different extractor derived it: then it is re-derived (a replay).

    ``keep_before`` (``replay --since-published``): an article published before it keeps what
    an earlier extractor derived. Only versions already applied are kept so: a version never
    seen is processed whatever its date, or it would be lost.
    """
    if state is None or article.version > state.version:
        return False
    if article.version < state.version or state.killed:
        return True
    return state.extractor == extractor or (keep_before is not None and article.published_at < keep_before)


def apply(state: ArticleState | None, article: Article, upserts: list[Upsert], offset: int = -1,
          extractor: str = "") -> Transition:
    """The events that take the derived state from ``state`` to ``article`` (kill: ``upserts`` empty)."""
    previous: dict[str, Retraction] = dict(state.live) if state else {}
    current = {} if article.action == "kill" else {e.event_id: e for e in upserts}
    retractions: list[Event] = [
        msgspec.structs.replace(gone, article_version=article.version)
        for eid, gone in sorted(previous.items()) if eid not in current
    ]
    new_state = ArticleState(version=article.version, killed=article.action == "kill", extractor=extractor,
                             offset=offset, live={eid: retraction(event, article) for eid, event in current.items()})
    return Transition(events=retractions + list(current.values()), state=new_state)


def advance(state: ArticleState | None, article: Article, derive: Callable[[Article], list[Upsert]],
            offset: int = -1, extractor: str = "", keep_before: dt.datetime | None = None) -> Transition | None:
    """The step each raw article event makes: None when stale, else the events to emit and the new state.

    ``derive`` (extraction) runs only for a version that is new (or new to ``extractor``) and not a kill.
    """
    if is_stale(state, article, extractor, keep_before):
        return None
    upserts = [] if article.action == "kill" else derive(article)
    return apply(state, article, upserts, offset, extractor)
