"""Reading raw article events from files: a JSON object, a JSONL file, a gold-corpus file
(``{"article": {...}}``), or a folder of such files (in name order).

Industry formats are read too and mapped by :mod:`streams.inputs.feeds`: IPTC ninjs objects
(JSON with a ``uri``), NewsML-G2 news items and RSS/Atom feeds (``.xml``, ``.rss``,
``.atom``). A document that cannot be mapped is a :class:`~streams.inputs.feeds.Problem`
naming its file and field; the other documents are still read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import structlog

from streams.inputs import feeds

log = structlog.get_logger(__name__)

ARTICLE_SUFFIXES = (".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom")
XML_SUFFIXES = (".xml", ".rss", ".atom")


class InputError(ValueError):
    """A path that holds no readable article events; ``fix`` says what to do when the command's help would not."""

    def __init__(self, message: str, fix: str | None = None) -> None:
        super().__init__(message)
        self.fix = fix


@dataclass(slots=True)
class Loaded:
    """What a set of paths held: raw article events, and the documents that could not be mapped."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    problems: list[feeds.Problem] = field(default_factory=list)
    # Where each of ``documents`` came from (same order): its file, with the line of a JSONL file or the
    # position in a JSON array, so a record refused later is named where its author can find it.
    origins: list[str] = field(default_factory=list)


def _utf8(path: Path, data: bytes) -> None:
    """JSON is UTF-8 (RFC 8259): a file that is not is named with the offset of its first bad byte
    (orjson would say "char 0" of the line it could not read)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(f"{path}: not UTF-8: byte 0x{data[error.start]:02x} at byte offset {error.start} (line {line})",
                         fix="save the file as UTF-8 (iconv -f LATIN1 -t UTF-8 if it is Latin-1)") from None


def _documents_in_file(path: Path) -> Iterator[tuple[str, Any]]:
    """The documents of one file with where each is in it: raw events (or other JSON, skipped later)
    and :class:`feeds.FieldError`."""
    data = path.read_bytes()
    if path.suffix in XML_SUFFIXES or data.lstrip().startswith(b"<"):  # XML declares its own encoding
        items = feeds.newsml_items(data) if feeds.xml_kind(data) == "newsml" else feeds.feed_items(data)
        yield from ((f"{path}[{number}]", item) for number, item in enumerate(items, 1))
        return
    _utf8(path, data)
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError:
        for number, line in enumerate(data.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield f"{path}:{number}", _unwrap(orjson.loads(line))
            except orjson.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not JSON: {error}") from error
        return
    if isinstance(document, list):
        yield from ((f"{path}[{number}]", _unwrap(d)) for number, d in enumerate(document, 1))
    else:
        yield str(path), _unwrap(document)


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
        for origin, document in _documents_in_file(path):
            if isinstance(document, feeds.FieldError):
                loaded.problems.append(feeds.Problem(str(path), document.field, document.message))
                found += 1
            elif _is_article(document):
                loaded.documents.append(document)
                loaded.origins.append(origin)
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
