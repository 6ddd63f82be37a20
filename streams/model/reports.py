"""What a count cell keeps of each report of an incident, so a count can be explained (drill-down).

The report travels in the tally update, not looked up later: the incident topic's
partitions may belong to another worker than the cell's, and the article's text is
not kept anywhere else. Each evidence span also keeps its paragraph, so the dashboard
can show the sentence highlighted where it stood.
"""

from __future__ import annotations

from typing import Any

from streams.model.article import Article
from streams.model.events import IncidentEvent, event_to_json

REPORT_FIELDS = ("incident_key", "article_id", "article_version", "violator", "attribution", "platform", "model",
                 "count", "duration_minutes", "occurred_on", "location", "evidence", "confidence", "rules")
CONTEXT_CHARS = 400  # at most this much of the paragraph on each side of a span


def timestamp(article: Article) -> str:
    return article.published_at.isoformat().replace("+00:00", "Z")


def in_context(article: Article, evidence: dict[str, Any]) -> dict[str, Any]:
    """The evidence span with the paragraph (line) it stands in and where that paragraph starts in the field."""
    text = article.field(evidence["field"])
    start, end = evidence["start"], evidence["end"]
    begin = max(text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    stop = text.find("\n", end)
    stop = min(len(text) if stop < 0 else stop, end + CONTEXT_CHARS)
    return {**evidence, "context": text[begin:stop], "context_start": begin}


def incident_report(event: IncidentEvent, article: Article) -> dict[str, Any]:
    """One article version's report of an incident: its fields, headline, publication time and evidence in context
    (JSON, as the tally update carries it)."""
    fields = event_to_json(event)
    report = {name: fields.get(name) for name in REPORT_FIELDS}
    report.update(headline=article.headline, published_at=timestamp(article),
                  evidence=[in_context(article, e) for e in fields["evidence"]])
    return report
