"""Dead letters: what goes to the dead-letter topic for a record no agent can apply, and how it is cut to fit.

A dead letter is the original key and bytes with headers saying why (``error.reason``,
``error.stage``, ``error.at``). A record can be too large to send whole: the topic or the
producer refuses it, and no retry changes that. Such a record goes again with its value
cut, smaller each time, down to nothing, and a reason that names its original size: its key and
headers always reach the topic, so the record is accounted for and the partition moves on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from aiokafka.errors import MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError

# Sizes a refused value is cut to, in turn: just under Kafka's default message.max.bytes (1 MB), then halves.
FIRST_CUT_BYTES = 1_000_000 - 64 * 1024
MAX_KEY_BYTES = 1024  # a key too large to send is cut as a last resort
TOO_LARGE = (MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError)


def too_large(error: BaseException) -> bool:
    """Whether a send failed because the record is too large (also when faust wraps aiokafka's error)."""
    seen: BaseException | None = error
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, TOO_LARGE) or "MessageSizeTooLarge" in repr(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


@dataclass(frozen=True, slots=True)
class DeadLetter:
    key: bytes | None
    value: bytes | None
    reason: str
    stage: str
    at: str

    @classmethod
    def of(cls, key: bytes | None, value: bytes | None, reason: str, stage: str) -> DeadLetter:
        return cls(key, value, reason, stage, dt.datetime.now(dt.timezone.utc).isoformat())

    @property
    def headers(self) -> dict[str, bytes]:
        return {"error.reason": self.reason.encode(), "error.stage": self.stage.encode(), "error.at": self.at.encode()}

    def cut(self, size: int) -> DeadLetter:
        """This letter with its value cut to ``size`` bytes (and, at 0, its key to MAX_KEY_BYTES); the reason says so."""
        original = len(self.value or b"")
        key = self.key if size or self.key is None or len(self.key) <= MAX_KEY_BYTES else self.key[:MAX_KEY_BYTES]
        note = (f"; the record ({original} bytes, key {len(self.key or b'')} bytes) is larger than the dead-letter "
                f"topic accepts: its value is cut to the first {size} bytes")
        return replace(self, key=key, value=None if self.value is None else self.value[:size], reason=self.reason + note)

    def smaller(self) -> Iterator[DeadLetter]:
        """The letter whole, then cut ever smaller, at last to its key and headers alone (the caller sends each in
        turn until one is accepted)."""
        yield self
        size = min(len(self.value or b"") // 2, FIRST_CUT_BYTES)
        while size:
            yield self.cut(size)
            size //= 2
        yield self.cut(0)
