"""Reading raw article events from files: a JSON object, a JSONL file, a gold-corpus file
(``{"article": {...}}``), or a folder of such files (in name order).

Industry formats are read too and mapped by :mod:`streams.feeds`: IPTC ninjs objects
(JSON with a ``uri``), NewsML-G2 news items and RSS/Atom feeds (``.xml``, ``.rss``,
``.atom``). A document that cannot be mapped is a :class:`~streams.feeds.Problem`
naming its file and field; the other documents are still read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import structlog

from streams import feeds

log = structlog.get_logger(__name__)

ARTICLE_SUFFIXES = (".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom")
XML_SUFFIXES = (".xml", ".rss", ".atom")


class InputError(ValueError):
    """A path that holds no readable article events."""


@dataclass(slots=True)
class Loaded:
    """What a set of paths held: raw article events, and the documents that could not be mapped."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    problems: list[feeds.Problem] = field(default_factory=list)


def _documents_in_file(path: Path) -> Iterator[Any]:
    """The documents of one file: raw events (or other JSON, skipped later) and :class:`feeds.FieldError`."""
    text = path.read_bytes()
    if path.suffix in XML_SUFFIXES or text.lstrip().startswith(b"<"):
        yield from (feeds.newsml_items(text) if feeds.xml_kind(text) == "newsml" else feeds.feed_items(text))
        return
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError:
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield _unwrap(orjson.loads(line))
            except orjson.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not JSON: {error}") from error
        return
    if isinstance(document, list):
        yield from (_unwrap(d) for d in document)
    else:
        yield _unwrap(document)


def _unwrap(document: Any) -> Any:
    if isinstance(document, dict) and isinstance(document.get("article"), dict):
        return document["article"]
    if feeds.is_ninjs(document):
        try:
            return feeds.ninjs_to_raw(document)
        except feeds.FieldError as error:
            return error
    return document


def _is_article(document: Any) -> bool:
    return isinstance(document, dict) and "article_id" in document


def files_of(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return found


def load(paths: list[Path]) -> Loaded:
    """Every raw article event under ``paths``, and every document that could not be mapped to one.

    Files that hold neither (count tables, notes) are skipped with a log line.
    """
    loaded = Loaded()
    for path in files_of(paths):
        found = 0
        for document in _documents_in_file(path):
            if isinstance(document, feeds.FieldError):
                loaded.problems.append(feeds.Problem(str(path), document.field, document.message))
                found += 1
            elif _is_article(document):
                loaded.documents.append(document)
                found += 1
        if not found:
            log.info("skipped file without article events", path=str(path))
    return loaded


def read_documents(paths: list[Path]) -> list[dict[str, Any]]:
    """Every raw article event under ``paths``; documents that cannot be mapped are logged, the rest kept."""
    loaded = load(paths)
    for problem in loaded.problems:
        log.error("bad document", path=problem.path, field=problem.field, error=problem.message)
    if not loaded.documents:
        raise InputError(f"no article events found in {', '.join(map(str, paths))}")
    return loaded.documents
