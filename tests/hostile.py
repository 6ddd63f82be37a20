"""Hostile raw records: the cases of issue 20 by name, and a hypothesis strategy that generates more."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import strategies as st

VALID = {"article_id": "x", "version": 1, "action": "publish", "published_at": "2025-09-12T10:00:00Z",
         "source": "test", "language": "en", "headline": "Drones over a border",
         "body": "Two drones entered the airspace of a neighbouring state on Thursday, the army said."}


def nested(document: dict[str, Any], field: str, depth: int) -> bytes:
    """``document`` with ``field`` an array nested ``depth`` levels deep (orjson itself stops at 1024)."""
    rest = orjson.dumps({name: value for name, value in document.items() if name != field})
    return rest[:-1] + f',"{field}":'.encode() + b"[" * depth + b"]" * depth + b"}"


def named_cases() -> list[tuple[str, bytes, str]]:
    """(key, raw value, what its rejection says): each record that once crashed the extract agent or got through."""
    def doc(key: str, **fields: Any) -> bytes:
        return orjson.dumps({**VALID, "article_id": key, **fields})

    deep = "nested more than 32 levels"
    return [
        ("deep-source-992", nested({**VALID, "article_id": "deep-source-992"}, "source", 992), deep),
        ("deep-headline-1020", nested({**VALID, "article_id": "deep-headline-1020"}, "headline", 1020), deep),
        ("deep-extra-1000", nested({**VALID, "article_id": "deep-extra-1000"}, "extra", 1000), deep),
        ("year-0", doc("year-0", published_at="0001-01-01T00:00:00+01:00"), "between the years 1 and 9999"),
        ("year-10000", doc("year-10000", published_at="9999-12-31T23:59:59-01:00"), "between the years 1 and 9999"),
        ("float-version", doc("float-version", version=1.0), "version: 1.0 is not of type 'integer'"),
        ("huge-headline", doc("huge-headline", headline="Drones " * 1000), "headline: 7000 bytes exceeds"),
        ("huge-standfirst", doc("huge-standfirst", standfirst="Drones " * 5000), "standfirst: 35000 bytes exceeds"),
    ]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
timestamps = (st.datetimes(timezones=st.timezones()).map(lambda t: t.isoformat())
              | st.sampled_from(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00-23:59",
                                 "2025-02-30T00:00:00Z", "2025-09-12", "T", ""]))
fields = {
    "article_id": st.text(max_size=12) | json_values,
    "version": st.integers(min_value=-2, max_value=2**64) | st.floats() | st.sampled_from([1.0, "1", True]),
    "action": st.sampled_from(["publish", "update", "kill", "shred"]) | json_values,
    "published_at": timestamps | json_values,
    "headline": st.text(max_size=30) | json_values,
    "standfirst": st.text(max_size=30) | json_values,
    "body": st.text(max_size=60) | st.just(VALID["body"]) | json_values,
    "url": st.none() | st.text(max_size=10),
}


@st.composite
def hostile_values(draw: st.DrawFn) -> bytes:
    """A raw record value: arbitrary bytes, a deeply nested field, or the valid article with fields replaced."""
    shape = draw(st.sampled_from(["bytes", "nested", "document"]))
    if shape == "bytes":
        return draw(st.binary(max_size=200))
    if shape == "nested":
        return nested(VALID, draw(st.sampled_from([*fields, "extra"])), draw(st.integers(1, 1100)))
    replaced = draw(st.dictionaries(st.sampled_from(list(fields)), st.none(), max_size=4))
    document: dict[str, Any] = {k: v for k, v in VALID.items() if k not in replaced or draw(st.booleans())}
    for name in replaced:
        if name in document or draw(st.booleans()):
            document[name] = draw(fields[name])
    try:
        return orjson.dumps(document)
    except (TypeError, orjson.JSONEncodeError):  # an integer beyond 64 bits
        return repr(document).encode()
