"""Extraction in child processes: the same events as on the event loop, in order, and a dead process replaced."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest

from streams.extraction import run
from streams.article import Article
from streams.events import derive_many
from streams.generator import generate
from streams.offload import Extraction, Failed, chunks, derive_each
from streams.processes import children
from streams.validation import parse_document


def extraction_processes() -> set[int]:
    """This process's pool workers (multiprocessing also starts a resource tracker beside them)."""
    return {pid for pid in children(os.getpid())
            if b"spawn_main" in open(f"/proc/{pid}/cmdline", "rb").read()}


def articles(count: int = 12) -> list[Article]:
    return [a for a in map(parse_document, generate(count, seed=11)) if isinstance(a, Article)]


@pytest.mark.parametrize("length, parts", [(0, 1), (1, 3), (5, 2), (12, 5), (7, 7), (3, 8)])
def test_chunks_keep_every_article_once_in_order_in_at_most_parts_runs(length, parts):
    items = articles(12)[:length] if length <= 12 else []
    runs = chunks(items, parts)
    assert [a for run in runs for a in run] == items
    assert len(runs) <= max(1, parts) and all(runs) == bool(items)
    assert max(map(len, runs)) - min(map(len, runs)) <= 1


def test_one_failing_article_fails_alone_with_its_reason(monkeypatch):
    batch = articles(6)
    bad = batch[2]
    expected = derive_many(batch[:2] + batch[3:])
    real = run.extract_many

    def failing(some: list[Article]) -> list:
        if bad in some:
            raise ValueError(f"cannot read {bad.article_id}")
        return real(some)

    monkeypatch.setattr(run, "extract_many", failing)
    found = derive_each(batch)
    assert found[2] == Failed(f"ValueError: cannot read {bad.article_id}")
    assert [f for i, f in enumerate(found) if i != 2] == expected


def test_on_the_event_loop_it_derives_what_derive_many_does():
    batch = articles()
    extraction = Extraction(0)
    extraction.start()
    assert asyncio.run(extraction.derive(batch)) == derive_many(batch)


@pytest.fixture(scope="module")
def two_processes():
    extraction = Extraction(2)
    extraction.start()
    yield extraction
    extraction.stop()


def test_in_child_processes_it_derives_what_derive_many_does_in_order(two_processes):
    batch = articles()
    assert len(extraction_processes()) == 2
    assert asyncio.run(two_processes.derive(batch)) == derive_many(batch)


def test_a_killed_extraction_process_is_replaced_and_nothing_is_lost(two_processes):
    batch = articles()
    killed = extraction_processes()
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while killed & extraction_processes() and time.monotonic() < deadline:  # until reaped
        time.sleep(0.05)
    assert asyncio.run(two_processes.derive(batch)) == derive_many(batch)
    assert extraction_processes() and not killed & extraction_processes(), "new processes took their place"
    assert asyncio.run(two_processes.derive(batch[:3])) == derive_many(batch[:3])


def test_stop_ends_the_processes():
    others = extraction_processes()
    extraction = Extraction(1)
    extraction.start()
    started = extraction_processes() - others
    assert len(started) == 1
    extraction.stop()
    assert not started & extraction_processes()


def test_the_workers_own_process_does_not_load_spacy():
    """Its extraction processes do: importing spaCy in the worker too would cost it about 80 MB."""
    code = ("import sys, streams.app, streams.web, streams.web_analysis, streams.worker; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
