"""Reading raw article events from files: a JSON object, a JSONL file, a gold-corpus file
(``{"article": {...}}``), or a folder of such files (in name order)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import structlog

log = structlog.get_logger(__name__)

ARTICLE_SUFFIXES = (".json", ".jsonl", ".ndjson")


class InputError(ValueError):
    """A path that holds no readable article events."""


def _documents_in_file(path: Path) -> Iterator[dict[str, Any]]:
    text = path.read_bytes()
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


def read_documents(paths: list[Path]) -> list[dict[str, Any]]:
    """Every raw article event under ``paths``; files that hold none (count tables, notes) are skipped with a log line."""
    documents: list[dict[str, Any]] = []
    for path in files_of(paths):
        found = [d for d in _documents_in_file(path) if _is_article(d)]
        if not found:
            log.info("skipped file without article events", path=str(path))
        documents.extend(found)
    if not documents:
        raise InputError(f"no article events found in {', '.join(map(str, paths))}")
    return documents
