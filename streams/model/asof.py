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
topic would re-run extraction over the whole log).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from streams.model.counting import IncidentMember, distinct_incidents, incident_member
from streams.model.keys import INCIDENT_KINDS, incident_cell

History = dict[str, list[list[Any]]]  # member_id -> [[version, offset, published_at, op, value, report], ...] in order


def record(history: History | None, update: dict[str, Any], offset: int) -> History:
    """The history with one tally update added; idempotent, and a re-read older record is ignored.

    An update without a publication time (written before histories were kept) is not recorded. An upsert keeps
    its report's article and place, which clustering reads (:func:`streams.model.counting.may_be_one_incident`).
    """
    changed: History = dict(history or {})
    if not update.get("published_at"):
        return changed
    entries = [e for e in changed.get(update["member"], []) if not (e[0] == update["version"] and e[1] <= offset)]
    if any(e[0] == update["version"] and e[1] > offset for e in entries):
        return changed
    report = update.get("report") or {}
    entries.append([update["version"], offset, update["published_at"], update["op"], update["value"],
                    {"article_id": report.get("article_id"), "location": report.get("location")}])
    changed[update["member"]] = sorted(entries, key=lambda e: (e[0], e[1]))
    return changed


def _parse(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def members_as_of(history: History, as_of: dt.datetime) -> list[IncidentMember]:
    """The members live at ``as_of``, as clustering sees them (entries kept before reports were have no place)."""
    live = []
    for member_id, entries in history.items():
        known = [e for e in entries if _parse(e[2]) <= as_of]
        if known and known[-1][3] != "retract":
            live.append(incident_member(member_id, [known[-1][4], known[-1][1], *known[-1][5:6]]))
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
