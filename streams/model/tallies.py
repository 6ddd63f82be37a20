"""The tally topic's records and the count cells' members, as values.

On the wire a tally update is the JSON object ``{"op", "member", "value"[, "published_at", "version"][, "report"]}``
(``streams/schemas/tally-update.schema.json``), and a member is stored (the tally table's changelog) as the list
``[value, offset]`` or ``[value, offset, report]``; both encode here to exactly those bytes, and decode once, where
a record or a table entry comes in.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec
import orjson

StoredReport = dict[str, Any]  # what a cell keeps of one report of an incident (streams.model.reports)


class TallyUpdate(msgspec.Struct, frozen=True):
    """One change of a count cell: a member (an incident or statement id) added, replaced or removed.

    ``published_at`` and ``version`` (the article version that caused it) and ``report`` are absent (UNSET) where
    they were not written, so the record encodes to the same keys it was written with.
    """

    op: Literal["upsert", "retract"]
    member: str
    value: str
    published_at: str | msgspec.UnsetType = msgspec.UNSET
    version: int | msgspec.UnsetType = msgspec.UNSET
    report: StoredReport | None | msgspec.UnsetType = msgspec.UNSET

    @property
    def kept_report(self) -> StoredReport | None:
        """The report a member keeps: None when the update carries none."""
        return self.report if isinstance(self.report, dict) else None

    def stored_report(self) -> StoredReport:
        """The report, or an empty one when the update carries none."""
        return self.report if isinstance(self.report, dict) else {}

    def retracted(self) -> TallyUpdate:
        return msgspec.structs.replace(self, op="retract")

    def to_json(self) -> dict[str, Any]:
        encoded: dict[str, Any] = msgspec.to_builtins(self)
        return encoded

    def encode(self) -> bytes:
        """The record's value on the tally topic (orjson, as every value the agents write)."""
        return orjson.dumps(self.to_json())


def decode_update(value: dict[str, Any]) -> TallyUpdate:
    """The update a JSON object (already checked against the schema) holds; msgspec.ValidationError otherwise."""
    return msgspec.convert(value, TallyUpdate)


class Member(msgspec.Struct, frozen=True):
    """A live member of a count cell: its value (the incident key, or the statement id), the offset of the record
    that last changed it (an older record re-read after a crash cannot undo a newer one) and, for an incident,
    the report that explains it."""

    value: str
    offset: int
    report: StoredReport | None = None

    def to_json(self) -> list[Any]:
        return [self.value, self.offset] if self.report is None else [self.value, self.offset, self.report]

    @classmethod
    def from_json(cls, stored: list[Any]) -> Member:
        return cls(stored[0], stored[1], stored[2] if len(stored) > 2 else None)


Tally = dict[str, Member]  # member id -> member


def tally_to_json(tally: Tally) -> dict[str, list[Any]]:
    """The cell as the tally table stores it."""
    return {member_id: member.to_json() for member_id, member in tally.items()}


def tally_from_json(stored: dict[str, list[Any]] | None) -> Tally:
    return {member_id: Member.from_json(member) for member_id, member in (stored or {}).items()}
