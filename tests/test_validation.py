"""Raw event validation: every class of bad input is rejected with a reason; fuzzed input never raises."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings, strategies as st

from streams.model.article import Article
from streams.model.validation import Limits, Rejected, parse_document, parse_raw

GOOD = {"article_id": "a1", "version": 2, "action": "publish", "published_at": "2025-09-23T15:00:00Z",
        "headline": "H", "body": "B"}


def test_a_good_event_becomes_an_article_in_utc():
    article = parse_raw(orjson.dumps({**GOOD, "published_at": "2025-09-23T17:00:00+02:00"}))
    assert isinstance(article, Article)
    assert article.published_at.isoformat() == "2025-09-23T15:00:00+00:00"


def test_a_kill_needs_only_id_version_action_and_time():
    kill = parse_document({"article_id": "a1", "version": 3, "action": "kill", "published_at": "2025-09-24T00:00:00Z"})
    assert isinstance(kill, Article) and kill.action == "kill"


@pytest.mark.parametrize("raw, fragment", [
    (b"\xff\xfe{}", "UTF-8"),
    (b"{nope", "not JSON"),
    (b"null", "not a JSON object"),
    (orjson.dumps({k: v for k, v in GOOD.items() if k != "article_id"}), "article_id"),
    (orjson.dumps({**GOOD, "version": "2"}), "version"),
    (orjson.dumps({**GOOD, "version": 2.5}), "version"),
    (orjson.dumps({**GOOD, "version": 0}), "version"),
    (orjson.dumps({**GOOD, "action": "delete"}), "action"),
    (orjson.dumps(GOOD)[:-1] + b', "version": 123456789012345678901234567890}', "version"),
    (orjson.dumps({**GOOD, "published_at": "soon"}), "published_at"),
    (orjson.dumps({k: v for k, v in GOOD.items() if k != "body"}), "body"),
    (orjson.dumps({**GOOD, "headline": ["x"]}), "headline"),
    (orjson.dumps({**GOOD, "version": 1.0}), "version: 1.0 is not of type 'integer'"),
    (b'{"article_id": "a", "version": 1e0, "action": "kill", "published_at": "2025-09-23T15:00:00Z"}', "version"),
    (orjson.dumps({**GOOD, "published_at": "0001-01-01T00:00:00+01:00"}), "between the years 1 and 9999"),
    (orjson.dumps({**GOOD, "published_at": "9999-12-31T23:59:59-01:00"}), "between the years 1 and 9999"),
    (orjson.dumps(GOOD)[:-1] + b', "source": ' + b"[" * 995 + b"]" * 995 + b"}", "nested more than 32 levels"),
])
def test_bad_input_is_rejected_with_a_reason_naming_the_problem(raw, fragment):
    result = parse_raw(raw)
    assert isinstance(result, Rejected)
    assert fragment in result.reason


def test_an_oversized_body_is_rejected_against_the_configured_limit():
    result = parse_raw(orjson.dumps({**GOOD, "body": "é" * 600}), Limits(body_bytes=1000))
    assert isinstance(result, Rejected) and "1200 bytes exceeds the limit of 1000" in result.reason


@pytest.mark.parametrize("field", ["headline", "standfirst"])
def test_an_oversized_headline_or_standfirst_is_rejected_against_its_limit(field):
    limits = Limits(headline_bytes=100, standfirst_bytes=200)
    size = limits.of(field) + 2
    result = parse_raw(orjson.dumps({**GOOD, field: "é" * (size // 2)}), limits)
    assert isinstance(result, Rejected) and f"{field}: {size} bytes exceeds the limit of {limits.of(field)}" in result.reason
    assert isinstance(parse_raw(orjson.dumps({**GOOD, field: "é" * (size // 2 - 1)}), limits), Article)


def test_a_reason_quotes_at_most_a_few_hundred_characters_of_the_value():
    result = parse_raw(orjson.dumps({**GOOD, "version": "9" * 100_000}))
    assert isinstance(result, Rejected) and len(result.reason) < 500 and result.reason.endswith("characters)")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(raw):
    assert isinstance(parse_raw(raw), (Article, Rejected))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(list(GOOD) + ["standfirst", "url", "x"]), json_values, max_size=9))
def test_arbitrary_json_objects_never_raise(document):
    assert isinstance(parse_raw(orjson.dumps(document)), (Article, Rejected))
