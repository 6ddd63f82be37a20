"""structlog set-up: JSON lines in production, readable lines on a terminal; always on stderr.

The libraries' own records (faust, aiokafka, mode) go through the same renderer, so a
terminal shows one readable format and a log collector gets JSON only. Their INFO
chatter (every service "Starting...", faust's recovery tables drawn as ASCII boxes) is
shown only at DEBUG: an operator needs their warnings and errors, not their start-up trace.
"""

from __future__ import annotations

import logging
import os
import sys

import structlog

LIBRARIES = ("faust", "mode", "aiokafka", "aiohttp")


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
    shared = [structlog.contextvars.merge_contextvars, structlog.processors.add_log_level,
              structlog.processors.TimeStamper(fmt="iso")]
    handler = logging.StreamHandler(_CurrentStderr())
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer]))
    logging.basicConfig(handlers=[handler], level=numeric, force=True)
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(numeric if numeric <= logging.DEBUG else max(numeric, logging.WARNING))
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=_CurrentStderr()),
        cache_logger_on_first_use=False,
    )
