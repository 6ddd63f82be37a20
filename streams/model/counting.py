"""Tallies: the materialised counts, as pure functions of the set of live events.

A tally is a key ("incidents/airspace_violation/EE/2025", "speaker/Mark Rutte",
"organization/NATO") holding its live members ``{member_id: value}``. Upserts add
or replace a member, retractions remove one; both are idempotent, so a record
delivered twice changes nothing, and each member remembers the offset of the
record that last changed it, so an older record re-read after a crash cannot undo
a newer one.

An incident tally counts distinct real-world incidents, not members: two articles
may report one incident with dates of different precision ("earlier in September"
and "on September 10"), so members are clustered before they are counted: reports
of different articles merge when nothing tells them apart (violator, date, place),
reports of one article never do. The count depends only on the set of members,
never on their order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import msgspec

from streams.extraction.lexicon import CAPITALS, SITE_HEADS, SITE_WORDS, cities
from streams.extraction.places import is_state_name
from streams.model.article import Article
from streams.model.events import (Event, IncidentEvent, IncidentRecord, IncidentRetraction, Retraction,
                                  StatementEvent, StatementRetraction, incident_article)
from streams.model.keys import INCIDENT_KINDS, IncidentKey, incident_cell
from streams.model.reports import incident_report, timestamp
from streams.model.tallies import Member, Tally, TallyUpdate



def incident_tally_key(event: IncidentRecord) -> str:
    return str(IncidentKey.parse(_incident_key(event)).cell)


def _incident_key(event: IncidentRecord) -> str:
    if isinstance(event.incident_key, msgspec.UnsetType):
        raise ValueError(f"incident {event.incident_id}: a retraction without its incident key cannot find its cell")
    return event.incident_key


def statement_tally_keys(event: StatementEvent | StatementRetraction) -> list[str]:
    speaker = event.speaker
    if isinstance(speaker, msgspec.UnsetType):
        return []
    keys = [f"speaker/{speaker.name}"] if speaker.name else []
    if speaker.organization:
        keys.append(f"organization/{speaker.organization}")
    return keys


def tally_updates(event: Event, article: Article | None = None) -> list[tuple[str, TallyUpdate]]:
    """The tally records one derived event turns into: (tally key, {op, member, value, ...}).

    With the article version that caused the event, incident updates also carry its
    publication time and version (the as-of history, :mod:`streams.model.asof`) and, for an
    upsert, the report itself (:mod:`streams.model.drilldown`).
    """
    if not isinstance(event, IncidentEvent | IncidentRetraction):
        return [(key, TallyUpdate(event.op, event.statement_id, event.statement_id))
                for key in statement_tally_keys(event)]
    member, value, keys = event.incident_id, _incident_key(event), [incident_tally_key(event)]
    if article is None:
        update = TallyUpdate(event.op, member, value)
    elif isinstance(event, IncidentRetraction):
        update = TallyUpdate(event.op, member, value, timestamp(article), article.version)
    else:
        update = TallyUpdate(event.op, member, value, timestamp(article), article.version,
                             incident_report(event, article))
    return [(key, update) for key in keys]


def moved_out_of_cells(previous_live: Mapping[str, Retraction] | None, events: list[Event],
                       article: Article | None = None) -> list[tuple[str, TallyUpdate]]:
    """Tally retractions for incidents whose new version is counted under another cell than before.

    An incident keeps its id when a correction changes only its date, so no retraction
    reaches the derived topic; but a date moved to another year moves it to another
    count cell, and the old cell must let go of it. ``previous_live`` is the article's
    ledger state before (id -> retraction template, which keeps the incident key).
    """
    moved = []
    for event in events:
        if not isinstance(event, IncidentEvent):
            continue
        before = (previous_live or {}).get(event.incident_id)
        if (isinstance(before, IncidentRetraction) and isinstance(before.incident_key, str) and before.incident_key
                and incident_tally_key(before) != incident_tally_key(event)):
            moved.extend(tally_updates(before, article))
    return moved


def apply_update(tally: Tally | None, update: TallyUpdate, offset: int) -> Tally:
    """The cell after ``update``, ``tally`` left as it was (the tally agent compares the two for alerts)."""
    members: Tally = dict(tally or {})
    update_in_place(members, update, offset)
    return members


def update_in_place(members: Tally, update: TallyUpdate, offset: int) -> None:
    """Apply ``update`` to the cell itself: the whole view folds every update of a cell, and copying
    the cell each time made that fold quadratic in the size of the cell."""
    known = members.get(update.member)
    if known is not None and known.offset > offset >= 0:
        return
    if update.op == "retract":
        members.pop(update.member, None)
    else:
        members[update.member] = Member(update.value, offset, update.kept_report)


@dataclass(frozen=True, slots=True)
class IncidentMember:
    """One live report in an incident cell, as clustering sees it: its id, key, article and place."""

    member: str
    key: str
    article: str
    location: str | None = None

    @property
    def violator(self) -> str:
        return _parsed(self.key).violator

    @property
    def when(self) -> str:
        return _parsed(self.key).when


@lru_cache(maxsize=65536)
def _parsed(key: str) -> IncidentKey:
    """Clustering compares every pair of a cell's reports: each key is parsed once, not once per pair."""
    return IncidentKey.parse(key)


def incident_member(member_id: str, member: Member) -> IncidentMember:
    """A tally member as clustering sees it; members kept without a report have no known place."""
    report = member.report or {}
    return IncidentMember(member=member_id, key=member.value, article=report.get("article_id") or incident_article(member_id),
                          location=report.get("location"))


def _same_violator(a: str, b: str) -> bool:
    return a == b or "-" in (a, b)


def _same_time(a: str, b: str) -> bool:
    """Dates that may name one incident: days at most one apart (an "overnight" attack is dated either day), or a
    vaguer date ("in September", "in 2025") that contains the other."""
    if len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 1
    return a.startswith(b) if len(a) >= len(b) else b.startswith(a)


@lru_cache(maxsize=4096)
def _site_names(location: str) -> frozenset[str]:
    """The words that say which site a location is, or none when it is no site.

    A site is a place small enough that two incidents there and elsewhere the same night are two: one named with
    a site's head ("the Alder air base", "the village of Birch") or a town or capital the lexicon knows. Its names
    are its capitalised words other than site words ("Air Base") and states' names. A river, a region, "the
    area" or a state may hold both places two reports give, so they tell nothing apart.
    """
    words = re.findall(r"[^\W\d_]+", location)
    bare = location.casefold().removeprefix("the ").strip()
    if not any(w.casefold() in SITE_HEADS for w in words) and bare not in cities() and bare not in CAPITALS:
        return frozenset()
    return frozenset(w.casefold() for w in words
                     if w[0].isupper() and w.casefold() not in SITE_WORDS and not is_state_name(w))


def _same_place(a: str | None, b: str | None) -> bool:
    """Places that may be one: either no named site, or two sites sharing a name ("Alder" and "Alder airport")."""
    names_a, names_b = _site_names(a or ""), _site_names(b or "")
    return not names_a or not names_b or bool(names_a & names_b)


def may_be_one_incident(a: IncidentMember, b: IncidentMember) -> bool:
    """Whether two reports of one cell may describe one real-world incident.

    Reports of one article never are: the extractor has already told its incidents apart with the whole text at
    hand (two drones on consecutive nights, two plants the same night). Reports of different articles are when
    nothing tells them apart: the violator (an unknown one matches any), the date (see :func:`_same_time`) and
    the place (see :func:`_same_place`).
    """
    return (a.article != b.article and _same_violator(a.violator, b.violator) and _same_time(a.when, b.when)
            and _same_place(a.location, b.location))


def _cluster_order(member: IncidentMember) -> tuple[int, str, str]:
    return -len(member.when), member.when, member.member


def incident_clusters(members: Iterable[IncidentMember]) -> list[list[IncidentMember]]:
    """The distinct real-world incidents among the reports of one kind, country and year.

    Reports are taken most precise date first, then by date and id, and each joins the first incident every one
    of whose reports it may be one with (:func:`may_be_one_incident`), or starts a new one. The order is fixed by
    the reports themselves, so the result depends only on the set of reports, never on their arrival.
    """
    clusters: list[list[IncidentMember]] = []
    _join(sorted(set(members), key=_cluster_order), clusters)
    return clusters


def _join(members: Iterable[IncidentMember], clusters: list[list[IncidentMember]]) -> None:
    """Each report, in the order given, into the first of ``clusters`` (in the order they were started) it may be
    one incident with, or a new one at their end."""
    for member in members:
        home = next((c for c in clusters if all(may_be_one_incident(member, other) for other in c)), None)
        if home is None:
            clusters.append([member])
        else:
            home.append(member)


def distinct_incidents(members: Iterable[IncidentMember]) -> int:
    """How many real-world incidents the reports of one cell stand for (see :func:`incident_clusters`)."""
    return len(incident_clusters(members))


class CellCount:
    """:func:`distinct_incidents` of one cell's reports as they change one by one, clustering again only the months
    that changed.

    Clustering takes reports dated by the year alone last. Before them, reports of different months may be one
    incident only when they are the last day of a month and the first of the next (:func:`_same_time`), so the
    other reports fall into blocks of months (two months joined by such a pair of days) no report of which may be
    one incident with a report of another block; clustering puts together only reports that may be one and takes
    them in an order fixed by the reports, so it clusters each block on its own as it clusters them all, and the
    incidents of all blocks, in the order of their first reports, are those the year-only reports then join. A
    count after one change clusters again only the block that changed, then places the year-only reports. The
    as-of timeline counts a cell after each of its changes (:func:`streams.model.asof.count_steps`): clustering
    the whole cell each time made that quadratic in the cell's history.
    """

    def __init__(self) -> None:
        self._live: dict[str, IncidentMember] = {}
        self._months: dict[int, set[IncidentMember]] = {}  # reports dated by the month or the day, by month
        self._year_only: set[IncidentMember] = set()
        self._days: Counter[int] = Counter()  # the ordinal days of reports dated to the day
        self._clustered: dict[tuple[int, ...], list[list[IncidentMember]]] = {}  # by block, until a month changes

    def set(self, member_id: str, member: IncidentMember | None) -> None:
        """The report a member stands for now (None: no longer counted)."""
        before = self._live.pop(member_id, None)
        if before is not None:
            self._change(before, -1)
        if member is not None:
            self._live[member_id] = member
            self._change(member, 1)

    def _change(self, member: IncidentMember, sign: int) -> None:
        if len(member.when) == 4:
            (self._year_only.add if sign > 0 else self._year_only.discard)(member)
            return
        month = int(member.when[5:7])
        held = self._months.setdefault(month, set())
        if sign > 0:
            held.add(member)
        else:
            held.discard(member)
            if not held:
                del self._months[month]
        if len(member.when) == 10:
            self._days[dt.date.fromisoformat(member.when).toordinal()] += sign
        self._clustered = {block: c for block, c in self._clustered.items() if month not in block}

    def _blocks(self) -> list[tuple[int, ...]]:
        blocks: list[list[int]] = []
        for month in sorted(self._months):
            if blocks and blocks[-1][-1] == month - 1 and self._joined(month):
                blocks[-1].append(month)
            else:
                blocks.append([month])
        return [tuple(block) for block in blocks]

    def _joined(self, month: int) -> bool:
        """Whether a report of the first day of ``month`` and one of the last day of the month before are live."""
        year = int(next(iter(self._months[month])).when[:4])
        first = dt.date(year, month, 1).toordinal()
        return self._days[first] > 0 and self._days[first - 1] > 0

    def _clusters(self, block: tuple[int, ...]) -> list[list[IncidentMember]]:
        if block not in self._clustered:
            self._clustered[block] = incident_clusters(member for month in block for member in self._months[month])
        return self._clustered[block]

    def count(self) -> int:
        clusters = [cluster for block in self._blocks() for cluster in self._clusters(block)]
        if not self._year_only:
            return len(clusters)
        started = [list(cluster) for cluster in sorted(clusters, key=lambda cluster: _cluster_order(cluster[0]))]
        _join(sorted(self._year_only, key=_cluster_order), started)
        return len(started)


def tally_count(key: str, tally: Tally) -> int:
    if key.startswith("incidents/"):
        return distinct_incidents(incident_member(member_id, member) for member_id, member in tally.items())
    return len(tally)


def cell_counts(tallies: Iterable[tuple[str, Tally]]) -> list[tuple[str, str, str, int]]:
    """(kind, country, year, count) of every incident cell that has held a report, emptied ones at 0 (gauges)."""
    found = []
    for key, tally in tallies:
        if (cell := incident_cell(key)) is not None:
            found.append((cell.kind, cell.country, cell.year, tally_count(key, tally)))
    return sorted(found)


def incident_counts(tallies: Iterable[tuple[str, Tally]]) -> dict[str, dict[str, int]]:
    """The contract's count table: ``{kind: {"CC/YYYY": n}}``, empty cells left out."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
    for key, tally in tallies:
        if (cell := incident_cell(key)) is None:
            continue
        n = tally_count(key, tally)
        if n:
            counts.setdefault(cell.kind, {})[cell.place_and_year] = n
    return {kind: dict(sorted(cells.items())) for kind, cells in counts.items()}


def statement_counts(tallies: Iterable[tuple[str, Tally]]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {"speaker": {}, "organization": {}}
    for key, tally in tallies:
        group, _, name = key.partition("/")
        if group in counts and tally:
            counts[group][name] = len(tally)
    return {group: dict(sorted(cells.items())) for group, cells in counts.items()}
