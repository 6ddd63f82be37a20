"""structlog set-up: JSON lines in production, readable lines on a terminal; always on stderr."""

from __future__ import annotations

import logging
import os
import sys

import structlog


def configure(level: str | None = None, fmt: str | None = None) -> None:
    level_name = (level or os.environ.get("NEWSROOM_LOG_LEVEL", "INFO")).upper()
    fmt = fmt or os.environ.get("NEWSROOM_LOG_FORMAT") or ("console" if sys.stderr.isatty() else "json")
    renderer = structlog.dev.ConsoleRenderer() if fmt == "console" else structlog.processors.JSONRenderer()
    numeric = getattr(logging, level_name, logging.INFO)
    logging.basicConfig(stream=sys.stderr, level=numeric, format="%(message)s", force=True)
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso"),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
