"""Extraction of a run of raw records: each record paired with what extraction found for its article.

The pairing is explicit (a :class:`RawRecord` holds its record, its article and its result), so a result can
only ever be applied with the record it was extracted from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import structlog

from streams.agents import metrics
from streams.agents.ledger_table import LedgerTable
from streams.agents.offload import Derived, ExtractionPool, Failed
from streams.extraction import extractor_version
from streams.model.article import Article

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class RawRecord:
    """A raw record of a run with what validation and extraction made of it."""

    event: Any  # the faust event
    article: Article | None  # None: dead-lettered or re-keyed at validation
    derived: Derived | None = None  # None: not extracted (a kill, a version the ledger calls stale, no article)


class RunExtraction:
    """Hands the articles the ledger calls new to the extraction processes, and pairs the results with them."""

    def __init__(self, extraction: ExtractionPool, ledger: LedgerTable) -> None:
        self.extraction, self.ledger = extraction, ledger

    async def pair(self, run: list[tuple[Any, Article | None]]) -> list[RawRecord]:
        """Each (faust event, article) of the run with the events its article version derives, when it is new."""
        version = extractor_version()
        wanted = [i for i, (event, article) in enumerate(run)
                  if article is not None and article.action != "kill" and self.ledger.new_to(event, article, version)]
        found = await self.extract([article for i in wanted if (article := run[i][1]) is not None])
        results = dict(zip(wanted, found))
        return [RawRecord(event, article, results.get(i)) for i, (event, article) in enumerate(run)]

    async def extract(self, articles: list[Article]) -> list[Derived]:
        """What each article derives, in order. Should the extraction of the run raise (not an article's own
        failure, which comes back as :class:`Failed`), each article is extracted alone, so one article's trouble
        fails only that article."""
        with metrics.EXTRACTION.time():
            try:
                return await self.extraction.extract(articles)
            except Exception:
                log.exception("extraction of a run failed; extracting its articles one by one", size=len(articles))
                return [await self._extract_alone(article) for article in articles]

    async def _extract_alone(self, article: Article) -> Derived:
        try:
            (found,) = await self.extraction.extract([article])
            return found
        except Exception as error:
            log.exception("extraction failed", article_id=article.article_id, version=article.version)
            return Failed(f"{type(error).__name__}: {error}"[:2000])
