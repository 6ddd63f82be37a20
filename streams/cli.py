"""The ``newsroom`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import orjson
import structlog

from streams import logs
from streams.extraction import EXTRACTOR_VERSION, extract_many
from streams.events import derived_events
from streams.loader import InputError, read_documents
from streams.validation import Rejected, parse_document

log = structlog.get_logger(__name__)


def _out(document: object) -> None:
    sys.stdout.buffer.write(orjson.dumps(document) + b"\n")


def cmd_extract(args: argparse.Namespace) -> int:
    """Offline extraction through the same functions the agents run."""
    documents = read_documents(args.paths)
    articles = []
    for document in documents:
        parsed = parse_document(document)
        if isinstance(parsed, Rejected):
            log.warning("rejected article", article_id=document.get("article_id"), reason=parsed.reason)
        elif parsed.action != "kill":
            articles.append(parsed)
    for article, extraction in zip(articles, extract_many(articles)):
        for event in derived_events(article, extraction, EXTRACTOR_VERSION):
            _out(event)
    sys.stdout.flush()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsroom", description="Event-sourced newsroom feed processor.")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print derived events of article files, offline")
    extract.add_argument("paths", nargs="+", type=Path)
    extract.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    logs.configure()
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as error:
        log.error("bad input", error=str(error))
        return 2


if __name__ == "__main__":
    sys.exit(main())
