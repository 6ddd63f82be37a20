"""Raw records in: each validated into an article value, or dead-lettered with why, or sent again under its
article id (versions of an article must meet in one partition to be ordered: re-key, don't guess)."""

from __future__ import annotations

from functools import partial
from typing import Any

import structlog

from streams.agents.sending import DeadLetters, until_acknowledged
from streams.config import Settings
from streams.model.article import Article
from streams.model.validation import Rejected, parse_raw

log = structlog.get_logger(__name__)


class Intake:
    """Validation of the raw topic's records, at the edge: what comes past it is an :class:`Article`."""

    def __init__(self, settings: Settings, raw_topic: Any, letters: DeadLetters) -> None:
        self.settings, self.raw_topic, self.letters = settings, raw_topic, letters

    async def validate(self, messages: list[Any]) -> list[Article | None]:
        """The article to apply for each raw record; None for one dead-lettered or re-keyed."""
        return [await self.letters.guarded(message, "validate", partial(self._validate_one, message))
                for message in messages]

    async def _validate_one(self, message: Any) -> Article | None:
        parsed = parse_raw(message.value, self.settings.limits)
        if isinstance(parsed, Rejected):
            await self.letters.dead_letter(message.key, message.value, parsed.reason, parsed.stage)
            return None
        if message.key != parsed.article_id.encode():
            await until_acknowledged("re-keyed article", partial(self.send_raw, parsed.article_id, message.value))
            log.info("re-keyed raw article", article_id=parsed.article_id, key=message.key)
            return None
        return parsed

    async def send_raw(self, article_id: str, value: bytes) -> None:
        await (await self.raw_topic.send(key=article_id.encode(), value=value))
