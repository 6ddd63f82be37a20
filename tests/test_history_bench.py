"""``newsroom bench --history`` at a tiny size: every figure the issue asks for is there and positive, and the
generated history is what the worker writes. Never a wall-clock threshold."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import orjson
import pytest

from streams.config import Settings, Topics
from newsroom_dev.history import derived_records
from streams.model.tally_records import TallyRecord, decode_tally

KEYS = ("history_events", "history_peak_rss_mb", "history_restart_ready_s", "history_p99_counts_ms",
        "history_p99_drilldown_ms", "history_p99_page_ms", "history_p99_as_of_ms")


def test_the_generated_history_is_derived_events_and_their_checked_tally_updates() -> None:
    settings = Settings(topics=Topics("h."))
    records = list(derived_records(300, settings))
    topics = Counter(topic for topic, _, _ in records)
    assert topics["h.newsroom.incidents.v1"] + topics["h.newsroom.statements.v1"] == 300
    assert all(isinstance(decode_tally(key, value), TallyRecord) for topic, key, value in records
               if topic == "h.newsroom.internal.tallies")
    ops = Counter(orjson.loads(value)["op"] for topic, _, value in records if topic != "h.newsroom.internal.tallies")
    assert ops["upsert"] > ops["retract"] > 0  # corrections and kills among them
    assert records == list(derived_records(300, settings))  # deterministic


@pytest.mark.integration
def test_bench_history_reports_every_figure_against_the_in_memory_yardstick() -> None:
    env = {key: value for key, value in os.environ.items() if key != "KAFKA_BOOTSTRAP"}
    done = subprocess.run([sys.executable, "-m", "streams.cli.main", "bench", "--json", "--history", "60",
                           "--history-yardstick", "30", "--history-samples", "5", "--broker", "tansu"],
                          env=env, capture_output=True, text=True, timeout=400)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["history_events"] == 60 and result["yardstick"]["events"] == 30
    for key in KEYS:
        assert result[key] > 0, key
    for view in ("memory", "store"):
        assert result["yardstick"][view]["p99_counts_ms"] > 0
