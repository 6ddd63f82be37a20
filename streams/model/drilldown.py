"""From a count to the incidents and evidence behind it, and counts over time.

A count cell ("airspace violations, PL, 2025: 4") holds its live reports as tally
members (:mod:`streams.model.counting`); each report carries its article, headline,
publication time, evidence and fields. These pure functions cluster a cell's reports
into the distinct incidents it counts (the very clustering the count uses, so the
drill-down of a cell always lists as many incidents as its count), merge each
incident's fields across its reports, and bucket incidents per month.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from streams.model.counting import incident_clusters, incident_member
from streams.model.keys import NO_VIOLATOR, IncidentKey, incident_cell
from streams.model.tallies import Member, Tally

MERGED_FIELDS = ("violator", "attribution", "platform", "model", "count", "duration_minutes", "location")
_PRECISION = {"day": 3, "month": 2, "year": 1}


@dataclass(frozen=True, slots=True)
class Report:
    """One article version's report of an incident, as the cell holds it."""

    incident_id: str
    incident_key: str
    article_id: str | None
    article_version: int | None
    headline: str | None
    published_at: str | None
    evidence: list[dict[str, Any]]
    fields: dict[str, Any]
    confidence: float | None = None
    rules: list[str] = field(default_factory=list)  # the extraction rules behind this report


@dataclass(frozen=True, slots=True)
class Incident:
    """One distinct real-world incident of a cell: the keys it was reported under, merged fields, every report."""

    incident_key: str
    incident_keys: list[str]
    occurred_on: dict[str, str] | None
    first_reported: str | None
    merged: dict[str, Any]
    reports: list[Report]


@dataclass(frozen=True, slots=True)
class CellDrilldown:
    kind: str
    country: str
    year: str
    count: int
    incidents: list[Incident] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _report(member_id: str, member: Member) -> Report:
    """A tally member as a report; members written before reports were kept show only their ids."""
    stored = member.report or {}
    return Report(
        incident_id=member_id, incident_key=member.value, article_id=stored.get("article_id"),
        article_version=stored.get("article_version"), headline=stored.get("headline"),
        published_at=stored.get("published_at"), evidence=list(stored.get("evidence") or []),
        fields={name: stored.get(name) for name in MERGED_FIELDS + ("occurred_on",)},
        confidence=stored.get("confidence"), rules=list(stored.get("rules") or []),
    )


def _when(incident_key: str) -> str:
    return IncidentKey.parse(incident_key).when


def _representative(keys: list[str]) -> str:
    """The key that names the incident: a known violator first, then the most precise date, then the earliest."""
    return min(keys, key=lambda k: (IncidentKey.parse(k).violator == NO_VIOLATOR, -len(_when(k)), _when(k), k))


def _merged_date(reports: list[Report]) -> dict[str, str] | None:
    """The most precise date any report gives, the earliest among equally precise ones."""
    dates: list[dict[str, str]] = [date for r in reports if (date := r.fields.get("occurred_on"))]
    if not dates:
        return None
    return min(dates, key=lambda d: (-_PRECISION.get(d.get("precision", ""), 0), d.get("value", "")))


def merge_fields(reports: list[Report]) -> dict[str, Any]:
    """Each field as most reports give it (unknowns ignored); a tie goes to the most confident report's value."""
    ranked = sorted(reports, key=lambda r: (-(r.confidence or 0.0), r.published_at or "", r.incident_id))
    merged: dict[str, Any] = {}
    for name in MERGED_FIELDS:
        values = [r.fields.get(name) for r in ranked if r.fields.get(name) is not None]
        tally = Counter(repr(v) for v in values)
        merged[name] = max(values, key=lambda v: tally[repr(v)]) if values else None  # max keeps the first of a tie
    merged["occurred_on"] = _merged_date(reports)
    return merged


def cell_incidents(tally: Tally) -> list[Incident]:
    """The distinct incidents of one cell, earliest first, each with every report that supports it."""
    reports = {member_id: _report(member_id, member) for member_id, member in tally.items()}
    incidents = []
    for cluster in incident_clusters(incident_member(member_id, member) for member_id, member in tally.items()):
        supporting = sorted((reports[m.member] for m in cluster),
                            key=lambda r: (r.published_at or "", r.article_id or "", r.incident_id))
        keys = sorted({m.key for m in cluster})
        published = [r.published_at for r in supporting if r.published_at]
        merged = merge_fields(supporting)
        incidents.append(Incident(incident_key=_representative(keys), incident_keys=keys,
                                  occurred_on=merged["occurred_on"], first_reported=min(published) if published else None,
                                  merged=merged, reports=supporting))
    return sorted(incidents, key=lambda i: (_when(i.incident_key), i.incident_key, i.reports[0].incident_id))


def drill_down(kind: str, country: str, year: str, tallies: Iterable[tuple[str, Tally]]) -> CellDrilldown:
    """The incidents behind ``kind/country/year`` among the given tally cells (empty when the cell is)."""
    wanted = f"incidents/{kind}/{country}/{year}"
    tally = next((t for key, t in tallies if key == wanted), {})
    incidents = cell_incidents(tally)
    return CellDrilldown(kind=kind, country=country, year=year, count=len(incidents), incidents=incidents)


@dataclass(frozen=True, slots=True)
class Series:
    """Distinct incidents of one kind and country per month, by when they happened and when first reported.

    An incident known only to the year has no month: it is counted in ``year_only``.
    """

    kind: str
    country: str
    by_occurrence: dict[str, int]
    by_first_report: dict[str, int]
    year_only: dict[str, int]


@dataclass(frozen=True, slots=True)
class Buckets:
    """One cell's incidents per month by when they happened and when first reported, and those known only to the
    year: what its series adds up (the view store keeps them per cell)."""

    occurred: Counter[str] = field(default_factory=Counter)
    reported: Counter[str] = field(default_factory=Counter)
    year_only: Counter[str] = field(default_factory=Counter)

    def add(self, other: Buckets) -> None:
        self.occurred.update(other.occurred)
        self.reported.update(other.reported)
        self.year_only.update(other.year_only)


def month_buckets(incidents: Iterable[Incident]) -> Buckets:
    buckets = Buckets()
    for incident in incidents:
        when = (incident.occurred_on or {}).get("value") or _when(incident.incident_key)
        (buckets.occurred if len(when) >= 7 else buckets.year_only)[when[:7] if len(when) >= 7 else when[:4]] += 1
        if incident.first_reported:
            buckets.reported[incident.first_reported[:7]] += 1
    return buckets


def series_of(grouped: dict[tuple[str, str], Buckets]) -> list[Series]:
    """The series of each kind and country, from the buckets of all their cells."""
    return [Series(kind=k, country=c, by_occurrence=dict(sorted(b.occurred.items())),
                   by_first_report=dict(sorted(b.reported.items())), year_only=dict(sorted(b.year_only.items())))
            for (k, c), b in sorted(grouped.items())]


def monthly_series(tallies: Iterable[tuple[str, Tally]], kind: str | None = None,
                   country: str | None = None) -> list[Series]:
    """Per kind and country, distinct incidents per month (``YYYY-MM``) of all their cells."""
    grouped: dict[tuple[str, str], Buckets] = {}
    for key, tally in tallies:
        cell = incident_cell(key)
        if cell is None or (kind and cell.kind != kind) or (country and cell.country != country):
            continue
        grouped.setdefault((cell.kind, cell.country), Buckets()).add(month_buckets(cell_incidents(tally)))
    return series_of(grouped)


def render_drilldown(cell: dict[str, Any]) -> str:
    """The drill-down (its JSON form, as the API answers) for a terminal: incidents, their fields, each report's evidence."""
    title = f"{cell['kind']} {cell['country']}/{cell['year']}: {cell['count']} incident(s)"
    lines = [title, "=" * len(title)]
    for number, incident in enumerate(cell["incidents"], 1):
        merged = incident["merged"]
        date = (incident.get("occurred_on") or {}).get("value") or "date unknown"
        facts = ", ".join(f"{name}={merged[name]}" for name in MERGED_FIELDS if merged.get(name) is not None)
        lines.append(f"{number}. {incident['incident_key']}  on {date}  first reported {incident['first_reported']}")
        lines.append(f"   {facts}")
        for report in incident["reports"]:
            lines.append(f"   - {report['article_id']} v{report['article_version']}  {report['published_at']}  "
                         f"{report['headline']!r}")
            if report.get("rules"):
                lines.append(f"       rules: {', '.join(report['rules'])}")
            lines.extend(f"       [{e['field']} {e['start']}-{e['end']}] {e['text']}" for e in report["evidence"])
    if not cell["incidents"]:
        lines.append("no incidents in this cell")
    return "\n".join(lines)
