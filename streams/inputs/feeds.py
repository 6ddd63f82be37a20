"""News industry formats to raw article events: IPTC ninjs (JSON), NewsML-G2 (XML), RSS 2.0 and Atom.

Wire services and content systems do not speak our raw-event JSON; this module maps
their documents onto it, so everything downstream (validation, extraction, the
ledger of versions and kills) is the same whatever the source format:

* the article id is the item's URI or GUID, made safe for a Kafka key and for the
  ``article_id:...`` derived ids (see :func:`safe_article_id`);
* the version is the item's own (ninjs ``version``, NewsML-G2 ``@version``), or for
  Atom the ``updated`` time in epoch seconds, so a re-fetched, edited entry supersedes
  the one before; RSS items have no version and are version 1;
* ``pubstatus`` withheld or canceled becomes a kill: the item must no longer be used,
  so everything derived from it is retracted;
* HTML bodies become text, one paragraph a line; evidence offsets refer to that text.

Every mapping is a pure function of the document; a document it cannot map raises
:class:`FieldError` naming the field, and the loader reports it with the file name
while the other documents of the batch go on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import feedparser

RawDocument = dict[str, Any]

MAX_ID_LENGTH = 200
KILLED_STATUSES = frozenset({"withheld", "canceled"})
PUBLISHED_STATUSES = frozenset({"usable"})
SUMMARY_ROLES = ("summary", "abstract", "standfirst", "drol:summary", "drol:abstract")
NEWSML_NS = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")
_BLOCKS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                     "tr", "table", "section", "article", "header", "footer", "pre", "hr", "dd", "dt"})
_SKIPPED = frozenset({"script", "style", "head", "title"})
_SPACES = re.compile(r"\s+")


class FieldError(ValueError):
    """A document that cannot become a raw article event; ``field`` names where it went wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Problem:
    """One document of a file that was not mapped, and why; the rest of the file is still read."""

    path: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


def safe_article_id(uri: str) -> str:
    """An article id from a URI or GUID: unchanged when it is already a plain token.

    Otherwise every run of characters outside ``[A-Za-z0-9._~-]`` (``:``, ``/``, ``?``,
    spaces) becomes ``-`` and a short hash of the original is appended, so two URIs that
    differ only in punctuation stay two articles; long ids are cut before the hash.
    """
    uri = uri.strip()
    if not uri:
        raise ValueError("empty identifier")
    slug = _UNSAFE.sub("-", uri).strip("-")
    if slug == uri and len(uri) <= MAX_ID_LENGTH:
        return uri
    digest = hashlib.sha1(uri.encode()).hexdigest()[:10]
    return f"{slug[:MAX_ID_LENGTH] or 'item'}-{digest}"


class _TextOfHtml(HTMLParser):
    """Text of an HTML fragment: whitespace collapsed within a block, one block a line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _break(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_to_text(html: str) -> str:
    """Plain text of HTML (paragraphs, breaks and list items each on their own line, entities decoded)."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    parser._break()  # noqa: SLF001 - the text after the last block
    return "\n".join(parser.lines)


def plain_text(text: str) -> str:
    """Plain text as sent, with line ends normalised (offsets must not depend on CRLF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _timestamp(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(field, "missing; a date-time such as 2025-09-23T15:00:00Z is needed")
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise FieldError(field, f"{value!r} is not an ISO 8601 date-time") from None
    parsed = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")


def _version(value: Any, field: str) -> int:
    """Versions are positive integers; ninjs sends a string ("3"), NewsML-G2 an attribute."""
    if value is None or value == "":
        return 1
    try:
        number = int(str(value).strip())
    except ValueError:
        raise FieldError(field, f"{value!r} is not a whole version number") from None
    if number < 1:
        raise FieldError(field, f"{number} is not a version (versions start at 1)")
    return number


def _action(status: str, field: str, version: int) -> str:
    status = status.strip().lower().removeprefix("stat:")
    if status in KILLED_STATUSES:
        return "kill"
    if status not in PUBLISHED_STATUSES:
        raise FieldError(field, f"{status!r} is not one of usable, withheld, canceled")
    return "publish" if version == 1 else "update"


def _article_id(uri: Any, field: str) -> str:
    if not isinstance(uri, str) or not uri.strip():
        raise FieldError(field, "missing; the item's identifier is the article id")
    return safe_article_id(uri)


def _event(*, article_id: str, version: int, action: str, published_at: str, source: str, language: str,
           headline: str, standfirst: str, body: str, url: str | None, body_field: str) -> RawDocument:
    if action == "kill":
        return {"article_id": article_id, "version": version, "action": "kill", "published_at": published_at,
                "source": source}
    if not body:
        raise FieldError(body_field, "no text in the item's body")
    document: RawDocument = {"article_id": article_id, "version": version, "action": action,
                             "published_at": published_at, "source": source, "language": language or "en",
                             "headline": headline, "body": body}
    if standfirst:
        document["standfirst"] = standfirst
    if url:
        document["url"] = url
    return document


# ---- ninjs -------------------------------------------------------------------------------------


def is_ninjs(document: Any) -> bool:
    """A ninjs object: ``uri`` is its one required property, and a raw event never has it without an article_id."""
    return isinstance(document, dict) and "uri" in document and "article_id" not in document


def _ninjs_texts(document: RawDocument, name: str) -> list[dict[str, Any]]:
    items = document.get(name)
    if items is None:
        return []
    if not isinstance(items, list) or not all(isinstance(i, dict) and isinstance(i.get("value"), str) for i in items):
        raise FieldError(name, "must be an array of objects with a string value")
    return items


def _ninjs_pick(items: list[dict[str, Any]], roles: tuple[str, ...]) -> dict[str, Any] | None:
    for item in items:
        if str(item.get("role", "")).lower() in roles:
            return item
    return items[0] if items else None


def _ninjs_body(document: RawDocument) -> tuple[str, str]:
    """The body text and the field it came from: ninjs 2.x ``bodies``, else 1.x ``body_text``/``body_html``."""
    bodies = _ninjs_texts(document, "bodies")
    if bodies:
        chosen = _ninjs_pick(bodies, ("main", "body"))
        assert chosen is not None
        html = "html" in str(chosen.get("contenttype", "")).lower()
        return (html_to_text(chosen["value"]) if html else plain_text(chosen["value"])), "bodies"
    for field, convert in (("body_text", plain_text), ("body_html", html_to_text)):
        value = document.get(field)
        if value is not None:
            if not isinstance(value, str):
                raise FieldError(field, f"must be a string, not {type(value).__name__}")
            return convert(value), field
    return "", "bodies"


def ninjs_to_raw(document: RawDocument) -> RawDocument:
    """One ninjs 2.x object (1.x ``headline``/``body_text``/``body_html``/``description_text`` also read)."""
    article_id = _article_id(document.get("uri"), "uri")
    version = _version(document.get("version"), "version")
    action = _action(str(document.get("pubstatus") or "usable"), "pubstatus", version)
    published_at = _timestamp(document.get("versioncreated") or document.get("firstcreated"), "versioncreated")
    headlines = _ninjs_texts(document, "headlines")
    main = _ninjs_pick(headlines, ("main", "headline"))
    headline = main["value"] if main else str(document.get("headline") or "")
    summary = _ninjs_pick(_ninjs_texts(document, "descriptions"), SUMMARY_ROLES)
    standfirst = summary["value"] if summary else str(document.get("description_text") or "")
    body, body_field = ("", "bodies") if action == "kill" else _ninjs_body(document)
    language = document.get("language")
    if language is not None and not isinstance(language, str):
        raise FieldError("language", f"must be a BCP 47 tag such as en, not {type(language).__name__}")
    return _event(article_id=article_id, version=version, action=action, published_at=published_at,
                  source=str(document.get("copyrightholder") or "ninjs"), language=language or "en",
                  headline=plain_text(headline), standfirst=plain_text(standfirst), body=body, url=None,
                  body_field=body_field)


# ---- NewsML-G2 ---------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in element if _local(child.tag) == name]


def _child(element: ElementTree.Element | None, name: str) -> ElementTree.Element | None:
    if element is None:
        return None
    found = _children(element, name)
    return found[0] if found else None


def _all_text(element: ElementTree.Element) -> str:
    return _SPACES.sub(" ", "".join(element.itertext())).strip()


def _inline_xml_text(element: ElementTree.Element) -> str:
    """Text of inline XHTML or NITF: each paragraph-like element on its own line."""
    blocks = [e for e in element.iter() if _local(e.tag) in {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hl2",
                                                               "blockquote", "pre"}]
    if not blocks:
        return _all_text(element)
    return "\n".join(text for text in (_all_text(b) for b in blocks) if text)


def _newsml_body(content_set: ElementTree.Element | None) -> str:
    if content_set is None:
        return ""
    for element in content_set:
        name, contenttype = _local(element.tag), (element.get("contenttype") or "").lower()
        if name == "inlineXML":
            return _inline_xml_text(element)
        if name == "inlineData":
            text = element.text or ""
            return html_to_text(text) if "html" in contenttype else plain_text(text)
    return ""


def _role_match(element: ElementTree.Element, roles: tuple[str, ...]) -> bool:
    return (element.get("role") or "").lower() in roles


def newsml_item_to_raw(item: ElementTree.Element) -> RawDocument:
    """One NewsML-G2 ``newsItem``: guid, version, itemMeta (versionCreated, pubStatus), contentMeta, contentSet."""
    article_id = _article_id(item.get("guid"), "newsItem/@guid")
    version = _version(item.get("version"), "newsItem/@version")
    item_meta = _child(item, "itemMeta")
    content_meta = _child(item, "contentMeta")
    status = _child(item_meta, "pubStatus")
    action = _action(status.get("qcode", "stat:usable") if status is not None else "usable",
                     "itemMeta/pubStatus/@qcode", version)
    created = _child(item_meta, "versionCreated")
    published_at = _timestamp(created.text if created is not None else None, "itemMeta/versionCreated")
    headlines = _children(content_meta, "headline") if content_meta is not None else []
    headline = next((h for h in headlines if _role_match(h, ("main", "hdltype:main"))), headlines[0] if headlines else None)
    descriptions = _children(content_meta, "description") if content_meta is not None else []
    summary = next((d for d in descriptions if _role_match(d, SUMMARY_ROLES)), None)
    language = _child(content_meta, "language")
    provider = _child(item_meta, "provider")
    return _event(article_id=article_id, version=version, action=action, published_at=published_at,
                  source=(provider.get("literal") or provider.get("qcode") or "newsml") if provider is not None else "newsml",
                  language=(language.get("tag") if language is not None else None) or item.get(XML_LANG) or "en",
                  headline=_all_text(headline) if headline is not None else "",
                  standfirst=_all_text(summary) if summary is not None else "",
                  body="" if action == "kill" else _newsml_body(_child(item, "contentSet")), url=None,
                  body_field="contentSet")


def newsml_items(data: bytes) -> Iterator[RawDocument | FieldError]:
    """Each ``newsItem`` of a NewsML-G2 document (a lone newsItem, or a newsMessage's itemSet)."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        yield FieldError("(xml)", f"not well-formed XML: {error}")
        return
    items = [root] if _local(root.tag) == "newsItem" else [e for e in root.iter() if _local(e.tag) == "newsItem"]
    if not items:
        yield FieldError(_local(root.tag), "no newsItem in this NewsML-G2 document")
    for number, item in enumerate(items, 1):
        try:
            yield newsml_item_to_raw(item)
        except FieldError as error:
            where = item.get("guid") or f"newsItem #{number}"
            yield FieldError(f"{where}: {error.field}", error.message)


# ---- RSS 2.0 and Atom --------------------------------------------------------------------------


def _entry_time(entry: Any, name: str) -> dt.datetime | None:
    """A parsed date of an entry; plain ``dict.get`` because feedparser maps a missing ``updated`` to ``published``."""
    value = dict.get(entry, f"{name}_parsed")
    return dt.datetime.fromtimestamp(calendar.timegm(value), dt.timezone.utc) if value else None


def feed_entry_to_raw(entry: Any, feed: Any) -> RawDocument:
    """One RSS item or Atom entry: GUID (else link) as id, ``content:encoded``/``content`` as body.

    An Atom entry's ``updated`` time (epoch seconds) is its version, so the edited entry a
    re-fetched feed carries supersedes the one before; RSS items carry no version (1).
    """
    article_id = _article_id(entry.get("id") or entry.get("link"), "guid")
    updated = _entry_time(entry, "updated")
    published = _entry_time(entry, "published") or updated
    if published is None:
        raise FieldError("pubDate", "missing or not a date; RSS pubDate or Atom published/updated is needed")
    version = int(updated.timestamp()) if updated is not None else 1
    contents = entry.get("content") or []
    summary = entry.get("summary") or ""
    if contents:
        body_html, standfirst_html, body_field = contents[0].get("value") or "", summary, "content"
    else:
        body_html, standfirst_html, body_field = summary, "", "description"
    return _event(article_id=article_id, version=version, action="publish" if version == 1 else "update",
                  published_at=published.isoformat().replace("+00:00", "Z"),
                  source=str(feed.get("title") or "feed"), language=str(entry.get("language") or feed.get("language") or "en"),
                  headline=html_to_text(entry.get("title") or ""), standfirst=html_to_text(standfirst_html),
                  body=html_to_text(body_html), url=entry.get("link"), body_field=body_field)


def feed_items(data: bytes) -> Iterator[RawDocument | FieldError]:
    """Each entry of an RSS 2.0 or Atom feed, parsed by feedparser (which also sanitises the HTML)."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f"not a feed: {parsed.bozo_exception}" if parsed.get("bozo") else "the feed has no items"
        yield FieldError("(feed)", reason)
        return
    damaged = f" (the feed is not well-formed: {parsed.bozo_exception})" if parsed.get("bozo") else ""
    for number, entry in enumerate(parsed.entries, 1):
        try:
            yield feed_entry_to_raw(entry, parsed.feed)
        except FieldError as error:
            where = entry.get("id") or entry.get("link") or f"item #{number}"
            yield FieldError(f"{where}: {error.field}", error.message + damaged)


def xml_kind(data: bytes) -> str:
    """``newsml`` or ``feed``, from the document's root element (read no further than it)."""
    try:
        for _, element in ElementTree.iterparse(io.BytesIO(data), events=("start",)):
            return "newsml" if _local(element.tag) in {"newsItem", "newsMessage"} else "feed"
    except ElementTree.ParseError:
        pass
    return "feed"  # feedparser copes with (and reports) malformed feeds itself
