"""Records of the internal tally topic, read defensively.

The topic is internal, but it is a topic: anyone with write access can put a record
there, and a record the folds cannot hold (a member whose value is no incident key,
a cell key of no known shape, no key at all) would sit in every worker's view and make
each count, snapshot and drill-down fail, on every restart. So each record is decoded
and checked before it is folded: the shape by the tally-update JSON Schema (rules as
data), the cell key and the incident key by their patterns, and the one by the other.
A record that fails is never folded: the tally agent dead-letters it, the whole view
skips it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import orjson

from streams import schemas
from streams.model.keys import INCIDENT_KINDS, IncidentKey
from streams.model.tallies import TallyUpdate, decode_update
from streams.model.validation import too_deep

_KINDS = "|".join(INCIDENT_KINDS)
INCIDENT_CELL = re.compile(rf"incidents/(?:{_KINDS})/[A-Z]{{2}}/[0-9]{{4}}")
GROUP_CELL = re.compile(r"(?:speaker|organization)/.+", re.DOTALL)
INCIDENT_KEY = re.compile(rf"(?:{_KINDS}):[A-Z]{{2}}:(?:[A-Z]{{2}}|-):([0-9]{{4}}(?:-[0-9]{{2}}(?:-[0-9]{{2}})?)?)")
REPORT_DEPTH = 8  # an update nests a report, its evidence list and a span: a few levels


@dataclass(frozen=True, slots=True)
class TallyRecord:
    """A checked tally update: the cell it changes and the update as :mod:`streams.model.counting` applies it."""

    cell: str
    update: TallyUpdate


@dataclass(frozen=True, slots=True)
class BadTally:
    """Why a record of the tally topic is no tally update (the reason it is dead-lettered with)."""

    reason: str


def _date_exists(when: str) -> bool:
    try:
        dt.date.fromisoformat(when if len(when) == 10 else f"{when}-01" if len(when) == 7 else f"{when}-01-01")
    except ValueError:
        return False
    return True


def _time_problem(update: dict[str, Any]) -> str | None:
    """The as-of history compares publication times with aware datetimes: one must parse, with its offset."""
    stamp = update.get("published_at")
    if stamp is None:
        return None
    try:
        aware = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        aware = False
    return None if aware else f"published_at: {stamp[:200]!r} is no timestamp with an offset"


def _cell_problem(cell: str, update: dict[str, Any]) -> str | None:
    if INCIDENT_CELL.fullmatch(cell):
        found = INCIDENT_KEY.fullmatch(update["value"])
        if found is None or not _date_exists(found.group(1)):
            return f"value: {update['value'][:200]!r} is no incident key (kind:CC:violator:date)"
        if str(IncidentKey.parse(update["value"]).cell) != cell:
            return f"value: incident key {update['value'][:200]!r} belongs to another cell than {cell[:200]!r}"
        return None
    if GROUP_CELL.fullmatch(cell):
        return None
    return f"key: {cell[:200]!r} is no count cell (incidents/KIND/CC/YYYY, speaker/NAME, organization/NAME)"


def decode_tally(key: bytes | None, value: bytes | None) -> TallyRecord | BadTally:
    """The tally update a record carries, or why it carries none; never raises."""
    if not key:
        return BadTally("no key: a tally update is keyed by its count cell")
    if value is None:
        return BadTally("empty value (tombstone)")
    try:
        cell = key.decode("utf-8")
        update = orjson.loads(value)
    except UnicodeDecodeError as error:
        return BadTally(f"key: invalid UTF-8 at byte {error.start}")
    except orjson.JSONDecodeError as error:
        return BadTally(f"not JSON: {error}")
    if not isinstance(update, dict):
        return BadTally(f"not a JSON object but {type(update).__name__}")
    if too_deep(update, REPORT_DEPTH):
        return BadTally(f"nested more than {REPORT_DEPTH} levels deep")
    problems = schemas.errors("tally", update)
    if problems:
        return BadTally("schema: " + "; ".join(problem[:300] for problem in problems[:5]))
    problem = _time_problem(update) or _cell_problem(cell, update)
    return BadTally(problem) if problem else TallyRecord(cell, decode_update(update))
