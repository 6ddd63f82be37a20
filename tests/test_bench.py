"""``newsroom bench`` at a tiny size on the embedded broker: every figure the issue asks for is there and
positive. Never a wall-clock threshold: the figures are what the bench is for, not what the test checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom_dev.bench import bench_load, mix, percentile, probe

pytestmark = pytest.mark.integration

RATES = ("extract_articles_per_s", "pipeline_articles_per_s", "naive_agent_articles_per_s",
         "replay_same_extractor_articles_per_s", "replay_new_extractor_articles_per_s", "bare_spacy_articles_per_s")
RATIOS = ("pipeline_vs_extract", "pipeline_vs_naive")
FIGURES = RATES + RATIOS + ("worker_start_s", "p50_latency_ms", "p99_latency_ms", "latency_samples", "peak_rss_mb")


def test_bench_reports_every_figure_with_its_range() -> None:
    env = {key: value for key, value in os.environ.items() if key != "KAFKA_BOOTSTRAP"}
    done = subprocess.run([sys.executable, "-m", "streams.cli.main", "bench", "--json", "--broker", "tansu", "--articles", "8",
                           "--runs", "1", "--latency-samples", "4", "--partitions", "2"],
                          env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["broker"].startswith("Tansu")
    for key in FIGURES:
        assert result[key] > 0, key
        low, high = result["range"][key]
        assert low <= result[key] <= high
    assert result["latency_samples"] >= 4
    assert result["mix"]["articles"] == 8 and 0 < result["mix"]["incident_report_share"] < 1
    assert result["held_at_peak"]["articles"] == 8


def test_corpus_copies_have_ids_of_their_own(tmp_path: Path) -> None:
    corpus = tmp_path / "dev"
    corpus.mkdir()
    for n in range(2):
        (corpus / f"a{n}.json").write_text(json.dumps({"article": {
            "article_id": f"invented-{n}", "version": 1, "action": "publish", "published_at": "2025-05-01T08:00:00Z",
            "source": "test", "language": "en", "headline": "Jets circled the harbour",
            "body": "Two jets circled the harbour of an invented town on Monday, the navy said."}}))
    loaded = bench_load(60, 0.5, tmp_path)
    ids = [d["article_id"] for d in loaded.documents]
    assert len(ids) == len(set(ids))
    assert loaded.corpus_articles == 2 and loaded.corpus_copies > 2
    assert mix(loaded)["incident_texts"].startswith("corpus")


def test_without_a_corpus_the_bench_says_it_used_templates_only(tmp_path: Path) -> None:
    loaded = bench_load(20, 0.5, tmp_path / "absent")
    assert loaded.corpus_copies == 0
    assert "templates only" in mix(loaded)["incident_texts"]


def test_the_latency_probe_has_as_many_timed_articles_as_asked() -> None:
    documents = [{"article_id": f"a{n}"} for n in range(3)]
    found = probe(documents, [True, False, True], 5)
    assert sum(d["article_id"].split("~")[0] != "a1" for d in found) == 5
    assert len({d["article_id"] for d in found}) == len(found)


def test_percentile_is_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 0.99) == 99.0 and percentile(values, 0.5) == 50.0


def test_the_extraction_slope_times_each_body_size_and_fits_a_slope() -> None:
    from newsroom_dev.slope import body_of, measure

    body = body_of(3000)
    assert 2500 < len(body.encode()) <= 3000 and not body.endswith("\n")
    result = measure((1, 2))
    assert [round(p["size_kb"]) for p in result["points"]] == [1, 2]
    assert all(p["seconds"] > 0 and p["ms_per_kb"] > 0 for p in result["points"])
    assert result["points"][0]["vs_smallest"] == 1.0 and "slope_ms_per_kb" in result
