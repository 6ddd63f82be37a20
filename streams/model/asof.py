"""Counts as of a time: the table as it stood once the articles published up to then had been processed.

Each incident count cell keeps, beside its live members, a short history per member:
every upsert and retraction that touched it, with the publication time and version of
the article version that caused it. The table as of ``T`` is a fold of that history:
for each member, the latest change (by article version) whose article was published
at or before ``T``; members whose latest such change is an upsert are counted, with
the same clustering as the live count. Corrections and kills published after ``T``
are thereby not applied, and at any ``T`` after the last publication the fold equals
the live table.

Cost: memory of one small entry per (member, article version that touched it), kept
in the tally table and its changelog; a query reads only this worker's memory, in time
linear in those entries, with no broker reads and no re-extraction (a fold of the raw
topic would re-run extraction over the whole log). The view store does not fold per
query: it keeps each cell's count after each of its change points (:func:`count_steps`),
so a query reads one entry per cell (:mod:`streams.store.queries`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import msgspec

from streams.model.counting import CellCount, IncidentMember, distinct_incidents, incident_member
from streams.model.keys import INCIDENT_KINDS, incident_cell
from streams.model.tallies import Member, StoredReport, TallyUpdate



class Change(msgspec.Struct, frozen=True):
    """One tally update of a member, as the as-of fold needs it: when its article version was published, and for
    an upsert the report's article and place, which clustering reads."""

    version: int
    offset: int
    published_at: str
    op: str
    value: str
    place: StoredReport


History = dict[str, list[Change]]  # member id -> its changes, by article version then offset


def record(history: History | None, update: TallyUpdate, offset: int) -> History:
    """The history with one tally update added; idempotent, and a re-read older record is ignored.

    An update without a publication time (written before histories were kept) is not recorded. An upsert keeps
    its report's article and place, which clustering reads (:func:`streams.model.counting.may_be_one_incident`).
    """
    changed: History = dict(history or {})
    if isinstance(update.published_at, msgspec.UnsetType) or not update.published_at \
            or isinstance(update.version, msgspec.UnsetType):
        return changed
    version = update.version
    entries = [e for e in changed.get(update.member, []) if not (e.version == version and e.offset <= offset)]
    if any(e.version == version and e.offset > offset for e in entries):
        return changed
    report = update.stored_report()
    entries.append(Change(version, offset, update.published_at, update.op, update.value,
                          {"article_id": report.get("article_id"), "location": report.get("location")}))
    changed[update.member] = sorted(entries, key=lambda e: (e.version, e.offset))
    return changed


def _parse(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def members_as_of(history: History, as_of: dt.datetime) -> list[IncidentMember]:
    """The members live at ``as_of``, as clustering sees them (entries kept before reports were have no place)."""
    live = []
    for member_id, entries in history.items():
        known = [e for e in entries if _parse(e.published_at) <= as_of]
        if known and known[-1].op != "retract":
            live.append(incident_member(member_id, Member(known[-1].value, known[-1].offset, known[-1].place)))
    return live


def counts_as_of(cells: Iterable[tuple[str, History]], as_of: dt.datetime) -> dict[str, dict[str, int]]:
    """The contract's count table as of ``as_of`` (same shape as :func:`streams.model.counting.incident_counts`)."""
    counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
    for key, history in cells:
        if (cell := incident_cell(key)) is None:
            continue
        n = distinct_incidents(members_as_of(history, as_of))
        if n:
            counts.setdefault(cell.kind, {})[cell.place_and_year] = n
    return {kind: dict(sorted(table.items())) for kind, table in counts.items()}


class Step(NamedTuple):
    """One entry of a cell's history as the view store keeps it: a change of a member by an article version, with
    the publication time of that version in microseconds since the epoch."""

    at_us: int
    member: str
    version: int
    op: str
    value: str
    offset: int
    article_id: str | None
    location: str | None


def _at(step: Step) -> int:
    return step.at_us


def count_steps(entries: Iterable[Step], since: int) -> Iterator[tuple[int, int]]:
    """A cell's count as of each of its change points from ``since`` on, in time order: (publication time, count).

    The count as of T (:func:`members_as_of`, then clustering) changes only at the publication times of the
    cell's entries, so these counts answer it for every T: the count at the latest change point at or before T, 0
    before the first. The entries are taken in time order, each member standing for its change of highest version
    published so far, and the cell is counted again after each change point (:class:`CellCount`, which clusters
    again only the months that changed), so a store keeps the count of every change point of a cell in one pass.
    """
    latest: dict[str, Step] = {}
    cell = CellCount()
    for at, changes in itertools.groupby(sorted(entries, key=_at), key=_at):
        for step in changes:
            known = latest.get(step.member)
            if known is not None and known.version >= step.version:
                continue
            latest[step.member] = step
            cell.set(step.member, None if step.op == "retract" else incident_member(
                step.member, Member(step.value, step.offset, {"article_id": step.article_id, "location": step.location})))
        if at >= since:
            yield at, cell.count()
