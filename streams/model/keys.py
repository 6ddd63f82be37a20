"""The keys the counts are kept under, as values: parsed once where a string comes in, written back the same.

On the wire (the incident events' ``incident_key``, the tally topic's record keys) they stay the
contract's joined strings; in the code they are fields, so no caller splits a string by position.
"""

from __future__ import annotations

from typing import Literal

import msgspec

INCIDENT_KINDS = ("airspace_violation", "drone_sighting", "article4_request")
INCIDENTS = "incidents"
NO_VIOLATOR = "-"


class IncidentKey(msgspec.Struct, frozen=True):
    """Identity of a real-world incident across articles: ``kind:CC:violator:when`` on the wire.

    ``when`` is the date as reported (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); ``violator`` is ``-``
    when unknown.
    """

    kind: str
    country: str
    violator: str
    when: str

    @classmethod
    def parse(cls, text: str) -> IncidentKey:
        """The key a string spells; ValueError when it has fewer than four parts."""
        parts = text.split(":", 3)
        if len(parts) != 4:
            raise ValueError(f"{text[:200]!r} is no incident key (kind:CC:violator:date)")
        return cls(*parts)

    def __str__(self) -> str:
        return f"{self.kind}:{self.country}:{self.violator}:{self.when}"

    @property
    def cell(self) -> IncidentCell:
        """The count cell the incident is counted in: its kind, country and year."""
        return IncidentCell(self.kind, self.country, self.when[:4])


class IncidentCell(msgspec.Struct, frozen=True):
    """An incident count cell, ``incidents/KIND/CC/YYYY`` as a tally record's key."""

    kind: str
    country: str
    year: str

    def __str__(self) -> str:
        return f"{INCIDENTS}/{self.kind}/{self.country}/{self.year}"

    @property
    def place_and_year(self) -> str:
        """The cell as the contract's count table names it within its kind: ``CC/YYYY``."""
        return f"{self.country}/{self.year}"


class GroupCell(msgspec.Struct, frozen=True):
    """A statement count cell: ``speaker/NAME`` or ``organization/NAME``."""

    group: Literal["speaker", "organization"]
    name: str

    def __str__(self) -> str:
        return f"{self.group}/{self.name}"


Cell = IncidentCell | GroupCell


def parse_cell(text: str) -> Cell | None:
    """The cell a tally key names, or None for a key of no known shape (the key is checked elsewhere,
    :mod:`streams.model.tally_records`, before a record is folded)."""
    head, _, rest = text.partition("/")
    if head == INCIDENTS:
        parts = rest.split("/")
        return IncidentCell(*parts) if len(parts) == 3 else None
    if head == "speaker":
        return GroupCell("speaker", rest)
    if head == "organization":
        return GroupCell("organization", rest)
    return None


def incident_cell(text: str) -> IncidentCell | None:
    """The incident cell a tally key names; None for a statement cell or no cell."""
    cell = parse_cell(text)
    return cell if isinstance(cell, IncidentCell) else None
