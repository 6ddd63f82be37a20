"""The ledger table: each article's :class:`ArticleState`, decoded from the table's JSON where it is read."""

from __future__ import annotations

from typing import Any

import structlog

from streams.agents.internals import stored_keys, write_as
from streams.agents.replay_seek import ReplayPlan
from streams.model.article import Article
from streams.model.ledger import ArticleState, is_stale

log = structlog.get_logger(__name__)


class LedgerTable:
    """Reads and writes of the ledger table, and the staleness check against it."""

    def __init__(self, table: Any, plan: ReplayPlan) -> None:
        self.table = table  # a faust table: article id -> the state's JSON
        self.plan = plan

    def get(self, event: Any, article_id: str) -> ArticleState | None:
        """The state the table holds for the article of ``event`` (the raw record): on disk the table keeps one store
        per partition, and reads the one of the current event's partition, as writes do."""
        write_as(event)
        return ArticleState.from_json(self.table.get(article_id))

    def put(self, article_id: str, state: ArticleState) -> None:
        self.table[article_id] = state.to_json()

    def is_stale(self, state: ArticleState | None, article: Article, extractor: str) -> bool:
        """See :func:`streams.model.ledger.is_stale`; ``replay --since-published`` keeps older articles."""
        return is_stale(state, article, extractor, self.plan.keep_before)

    def new_to(self, event: Any, article: Article, extractor: str) -> bool:
        """Whether the table calls this version new (or new to ``extractor``): worth extracting. A state that
        cannot be read counts as new: applying the article meets the same trouble and dead-letters it."""
        try:
            return not self.is_stale(self.get(event, article.article_id), article, extractor)
        except Exception:
            log.exception("the ledger state of an article could not be read", article_id=article.article_id)
            return True

    def __len__(self) -> int:
        return stored_keys(self.table)
