"""structlog set-up: JSON lines in production, readable lines on a terminal; always on stderr.

The libraries' own records (faust, aiokafka, mode) go through the same renderer, so a
terminal shows one readable format and a log collector gets JSON only. Their INFO
chatter (every service "Starting...", faust's recovery tables drawn as ASCII boxes) is
shown only at DEBUG: an operator needs their warnings and errors, not their start-up trace.
Their repeats are throttled (:class:`Throttle`): with the broker gone, aiokafka logs every
failed connection, metadata update and fetch, thousands of lines a minute, and the one
line that matters (streams.agents.outage: the broker is gone, for how long) would drown in them.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TextIO, cast

import structlog
from structlog.typing import Processor

LIBRARIES = ("faust", "mode", "aiokafka", "aiohttp")
REPEAT_SECONDS = 30.0  # a library's message passes at most this often; the next one says how many were held back


class Throttle(logging.Filter):
    """Each library message (its logger and format string, whatever its arguments: node ids, errors)
    at most once every ``seconds``; the first after a pause carries ``suppressed``, how many were dropped."""

    def __init__(self, seconds: float = REPEAT_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.seconds, self.clock = seconds, clock
        self._passed: dict[tuple[str, str], tuple[float, int]] = {}  # key: when it last passed, dropped since

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or not record.name.startswith(LIBRARIES):
            return True
        key, now = (record.name, str(record.msg)), self.clock()
        passed_at, dropped = self._passed.get(key, (None, 0))
        if passed_at is not None and now - passed_at < self.seconds:
            self._passed[key] = (passed_at, dropped + 1)
            return False
        self._passed[key] = (now, 0)
        if dropped:
            record.suppressed = dropped
        return True


class _CurrentStderr:
    """Whatever ``sys.stderr`` is when a line is written, not when logging was configured:
    a command run in-process (tests, an embedding program) may replace and close the
    stream it had, and a later log line must not fail on the closed one."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure(level: str | None = None, fmt: str | None = None) -> None:
    level_name = (level or os.environ.get("NEWSROOM_LOG_LEVEL", "INFO")).upper()
    fmt = fmt or os.environ.get("NEWSROOM_LOG_FORMAT") or ("console" if sys.stderr.isatty() else "json")
    renderer = structlog.dev.ConsoleRenderer() if fmt == "console" else structlog.processors.JSONRenderer()
    numeric = getattr(logging, level_name, logging.INFO)
    shared: list[Processor] = [structlog.contextvars.merge_contextvars, structlog.processors.add_log_level,
              structlog.processors.TimeStamper(fmt="iso")]
    handler = logging.StreamHandler(_CurrentStderr())
    handler.addFilter(Throttle())
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name, structlog.stdlib.ExtraAdder(("suppressed",))],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer]))
    logging.basicConfig(handlers=[handler], level=numeric, force=True)
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(numeric if numeric <= logging.DEBUG else max(numeric, logging.WARNING))
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=cast(TextIO, _CurrentStderr())),
        cache_logger_on_first_use=False,
    )
