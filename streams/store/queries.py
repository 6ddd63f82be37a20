"""The API's queries answered from the store's indexes, each as :class:`streams.view.WholeView` answers it in memory.

Counts read one row per cell: a cell whose members changed is settled first (:meth:`StoreQueries.settle`), so the
cost of a count does not grow with the history behind it; counts as of a time read one entry per cell of the
cells' as-of timelines, kept the same way.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from streams.model.drilldown import Buckets, Series, series_of
from streams.model.keys import INCIDENT_KINDS
from streams.store.fold import micros, settle_cell, settle_timeline, transaction
from streams.view import api


def _year_range(year: str) -> tuple[str, str]:
    """The sort keys of a four-digit year: from "2025" up to, not including, "202:" (the character after its last digit)."""
    return year, year[:3] + chr(ord(year[3]) + 1)


@dataclass(frozen=True, slots=True)
class StoredDrilldown:
    """A cell's drill-down as the store keeps it: its incidents already encoded, as the API answers them."""

    kind: str
    country: str
    year: str
    count: int
    incidents: bytes

    def to_json(self) -> dict[str, Any]:
        """The same object as :meth:`streams.model.drilldown.CellDrilldown.to_json`."""
        return {"kind": self.kind, "country": self.country, "year": self.year, "count": self.count,
                "incidents": orjson.loads(self.incidents)}


def _settle_marked(db: sqlite3.Connection, marked: str, settle_one: Callable[..., None], deadline: float | None) -> bool:
    """``settle_one`` on each row the query ``marked`` finds, in one transaction, until ``deadline`` (one row at
    least, so that slices of any length make progress); whether any are left."""
    rows = db.execute(marked).fetchall()
    with transaction(db) as held:
        for done, row in enumerate(rows):
            if done and deadline is not None and time.perf_counter() > deadline:
                return True
            settle_one(held, *row)
    return False


class StoreQueries:
    """The read side of :class:`streams.store.view.StoredView`, over its connection."""

    db: sqlite3.Connection

    def settle(self, budget: float | None = None) -> bool:
        """Count again the cells whose members changed since they were last counted, then the as-of timelines the
        fold marked: all of them, or (the fold's idle time) as many as ``budget`` seconds allow, so that the event
        loop is never held for long. Whether any are left."""
        deadline = None if budget is None else time.perf_counter() + budget
        return self._settle_cells(deadline) or self._settle_timelines(deadline)

    def _settle_cells(self, deadline: float | None = None) -> bool:
        return _settle_marked(self.db, "SELECT cell, grp FROM cells WHERE dirty", settle_cell, deadline)

    def _settle_timelines(self, deadline: float | None = None) -> bool:
        return _settle_marked(self.db, "SELECT cell FROM cells WHERE asof_from IS NOT NULL", settle_timeline, deadline)

    def counts(self) -> dict[str, dict[str, int]]:
        """The contract's count table (:func:`streams.model.counting.incident_counts`)."""
        self._settle_cells()
        counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
        for kind, country, year, n in self.db.execute(
                "SELECT kind, country, year, count FROM cells WHERE grp = 'incidents' AND count > 0"):
            counts.setdefault(kind, {})[f"{country}/{year}"] = n
        return {kind: dict(sorted(cells.items())) for kind, cells in counts.items()}

    def statement_counts(self) -> dict[str, dict[str, int]]:
        self._settle_cells()
        counts: dict[str, dict[str, int]] = {"speaker": {}, "organization": {}}
        for group, cell, n in self.db.execute(
                "SELECT grp, cell, count FROM cells WHERE grp IN ('speaker', 'organization') AND count > 0"):
            counts[group][cell[len(group) + 1:]] = n
        return {group: dict(sorted(cells.items())) for group, cells in counts.items()}

    def cell_counts(self) -> list[tuple[str, str, str, int]]:
        """Every incident cell that has held a report, emptied ones at 0 (:func:`streams.model.counting.cell_counts`)."""
        self._settle_cells()
        return sorted(self.db.execute("SELECT kind, country, year, count FROM cells WHERE grp = 'incidents'"))

    def counts_as_of(self, as_of: dt.datetime) -> dict[str, dict[str, int]]:
        """The count table as of ``as_of`` (:func:`streams.model.asof.counts_as_of`): per incident cell, the latest
        entry of its as-of timeline at or before then (:func:`streams.store.fold.settle_timeline`), one index seek
        per cell, whatever the history behind it (timelines the fold marked are counted again first)."""
        self._settle_timelines()
        counts: dict[str, dict[str, int]] = {kind: {} for kind in INCIDENT_KINDS}
        for kind, country, year, n in self.db.execute(
                "SELECT kind, country, year, (SELECT n FROM asof_counts WHERE asof_counts.cell = cells.cell"
                " AND at_us <= ? ORDER BY at_us DESC LIMIT 1) AS n FROM cells WHERE grp = 'incidents'", (micros(as_of),)):
            if n:
                counts.setdefault(kind, {})[f"{country}/{year}"] = n
        return {kind: dict(sorted(table.items())) for kind, table in counts.items()}

    def drill_down(self, kind: str, country: str, year: str) -> StoredDrilldown:
        """The incidents behind a count (:func:`streams.model.drilldown.drill_down`), as the cell was last settled
        (settled first if it changed since): one row read, whatever the cell's size."""
        cell = f"incidents/{kind}/{country}/{year}"
        row = self.db.execute("SELECT grp, dirty FROM cells WHERE cell = ?", (cell,)).fetchone()
        if row is not None and row[1]:
            with transaction(self.db) as db:
                settle_cell(db, cell, row[0])
        found = self.db.execute("SELECT count, incidents FROM cells WHERE cell = ?", (cell,)).fetchone()
        count, incidents = found if found is not None and found[1] is not None else (0, b"[]")
        return StoredDrilldown(kind, country, year, count, incidents)

    def series(self, kind: str | None = None, country: str | None = None) -> list[Series]:
        """Distinct incidents per month by kind and country (:func:`streams.model.drilldown.monthly_series`), summed from
        each cell's buckets."""
        self._settle_cells()
        where, args = ["grp = 'incidents'"], []
        for column, wanted in (("kind", kind), ("country", country)):
            if wanted:
                where.append(f"{column} = ?")
                args.append(wanted)
        grouped: dict[tuple[str, str], Buckets] = {}
        for cell_kind, cell_country, stored in self.db.execute(
                f"SELECT kind, country, series FROM cells WHERE {' AND '.join(where)}", args):
            parts = orjson.loads(stored) if stored else {}
            grouped.setdefault((cell_kind, cell_country), Buckets()).add(
                Buckets(Counter(parts.get("o", {})), Counter(parts.get("r", {})), Counter(parts.get("y", {}))))
        return series_of(grouped)

    def incident_listing(self, query: Mapping[str, str]) -> dict[str, Any]:
        """``/api/incidents`` (:func:`streams.view.api.incident_listing`): the total from the per-cell totals, the page
        from the index that matches the filters, newest first."""
        api.check_known(query, api.INCIDENT_PARAMS)
        wanted, page = api.parse_incident_filter(query), api.parse_page(query)
        where, args, total_where, total_args = ["1"], [], ["1"], []
        for column, value in (("kind", wanted.kind), ("country", wanted.country)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
                total_where.append(f"{column} = ?")
                total_args.append(value)
        if wanted.year:
            where.append("sort_when >= ? AND sort_when < ?")
            args.extend(_year_range(wanted.year))
            total_where.append("year = ?")
            total_args.append(wanted.year)
        total = self.db.execute(f"SELECT coalesce(sum(n), 0) FROM incident_totals WHERE {' AND '.join(total_where)}",
                                total_args).fetchone()[0]
        return self._page("incidents", where, args, total, page)

    def statement_listing(self, query: Mapping[str, str]) -> dict[str, Any]:
        """``/api/statements`` (:func:`streams.view.api.statement_listing`): speaker and organisation matched case-folded."""
        api.check_known(query, api.STATEMENT_PARAMS)
        wanted, page = api.parse_statement_filter(query), api.parse_page(query)
        where, args = ["1"], []
        for column, value in (("speaker", wanted.speaker), ("organization", wanted.organization)):
            if value:
                where.append(f"{column} = ?")
                args.append(value.casefold())
        total = self.db.execute(f"SELECT coalesce(sum(n), 0) FROM statement_totals WHERE {' AND '.join(where)}",
                                args).fetchone()[0]
        return self._page("statements", where, args, total, page)

    def _page(self, table: str, where: list[str], args: list[Any], total: int, page: api.Page) -> dict[str, Any]:
        rows = self.db.execute(f"SELECT body FROM {table} WHERE {' AND '.join(where)}"
                               " ORDER BY sort_when DESC, version DESC, id DESC LIMIT ? OFFSET ?",
                               [*args, page.limit, page.offset])
        return {"total": total, "limit": page.limit, "offset": page.offset, "items": [orjson.loads(r[0]) for r in rows]}

    def snapshot(self, counts: dict[str, dict[str, int]]) -> dict[str, Any]:
        """What the dashboard draws (:func:`streams.view.api.snapshot`), ``counts`` being :meth:`counts`' cached answer."""
        recent = {"limit": str(api.RECENT)}
        return {"counts": counts, "statement_counts": self.statement_counts(),
                "incidents": self.incident_listing(recent), "statements": self.statement_listing(recent)}

    def held(self) -> dict[str, int]:
        """How much the view holds, read from the totals (not by counting the rows)."""
        incidents = self.db.execute("SELECT coalesce(sum(n), 0) FROM incident_totals").fetchone()[0]
        statements = self.db.execute("SELECT coalesce(sum(n), 0) FROM statement_totals").fetchone()[0]
        cells = self.db.execute("SELECT count(*) FROM cells").fetchone()[0]
        return {"incidents": incidents, "statements": statements, "cells": cells}
