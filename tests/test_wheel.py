"""The package as users install it: the wheel built, installed with its pinned dependencies into a fresh
virtualenv outside the repository, and run from there (no PYTHONPATH, no source tree on the path).

Building and installing takes minutes (pip resolves and unpacks every dependency, from its cache
when it has them), so it is done once for the session: pytest runs the Kafka test among the other tests on
Kafka, apart from this module's others, and a module-scoped install was built twice.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from streams.agents.worker import stop_workers, worker_env
from streams.config import Settings
from streams.inputs.loader import read_documents
from streams.kafka.client import ensure_topics, publish
from streams.kafka.monitor import get_json, wait_until_idle
from streams.processes import end_with_parent

from conftest import expected_counts, DEV_CORPUS, ROOT, broker_kinds

pytestmark = pytest.mark.integration

SEEDS = ROOT / "seeds"
INSTALL_TIMEOUT_SECONDS = 1800  # upper bounds, not timings
RUN_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class Installed:
    venv: Path
    outside: Path  # a working directory with no source tree in it

    def command(self, name: str) -> str:
        return str(self.venv / "bin" / name)

    @property
    def env(self) -> dict[str, str]:
        """This environment without PYTHONPATH, so only the installed copy of ``streams`` can be imported."""
        return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    def run(self, *args: str, env: dict[str, str] | None = None, timeout: float = RUN_TIMEOUT_SECONDS) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=self.outside, env={**self.env, **(env or {})}, capture_output=True,
                              text=True, timeout=timeout)


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    root = tmp_path_factory.mktemp("wheel")
    source = root / "source"  # only what the build reads: a stale build/ in the checkout cannot leak into the wheel
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for package in ("streams", "newsroom_dev"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    dist, venv, outside = root / "dist", root / "venv", root / "outside"
    outside.mkdir()
    steps = [
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(dist), str(source)],
        [sys.executable, "-m", "venv", str(venv)],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_SECONDS)
        assert done.returncode == 0, done.stderr[-3000:]
    wheels = list(dist.glob("newsroom-*.whl"))
    assert len(wheels) == 1, wheels
    install = Installed(venv, outside)
    # --no-compile: byte-compiling every dependency up front is much of an install's CPU; imports compile lazily
    done = install.run(install.command("pip"), "install", "--quiet", "--no-compile", str(wheels[0]),
                       timeout=INSTALL_TIMEOUT_SECONDS)
    assert done.returncode == 0, done.stderr[-3000:]
    yield install


def test_the_wheel_carries_its_schemas_and_static_files_and_runs_from_outside_the_repository(installed: Installed) -> None:
    where = installed.run(installed.command("python"), "-c", "import streams; print(streams.__file__)")
    assert where.returncode == 0, where.stderr[-2000:]
    package = Path(where.stdout.strip()).parent
    assert package.is_relative_to(installed.venv), package
    assert sorted(p.name for p in (package / "schemas").glob("*.json")) == sorted(
        p.name for p in (ROOT / "streams" / "schemas").glob("*.json"))
    assert sorted(p.name for p in (package / "view" / "static").iterdir()) == sorted(
        p.name for p in (ROOT / "streams" / "view" / "static").iterdir() if p.name != "__pycache__")

    from_wheel = installed.run(installed.command("newsroom"), "extract", str(SEEDS))
    assert from_wheel.returncode == 0, from_wheel.stderr[-3000:]
    from_source = subprocess.run([sys.executable, "-m", "streams.cli.main", "extract", str(SEEDS)], cwd=ROOT,
                                 capture_output=True, text=True, timeout=RUN_TIMEOUT_SECONDS)
    assert from_source.returncode == 0, from_source.stderr[-3000:]
    events = [json.loads(line) for line in from_wheel.stdout.splitlines()]
    assert {e["type"] for e in events} == {"incident", "statement"}
    assert from_wheel.stdout == from_source.stdout


@pytest.mark.shared
@pytest.mark.parametrize("bootstrap", [kind for kind in broker_kinds() if kind != "tansu"], indirect=True)
def test_a_worker_from_the_wheel_processes_the_corpus_on_kafka(installed: Installed, settings: Settings) -> None:
    worker = subprocess.Popen([installed.command("newsroom"), "worker"], cwd=installed.outside,
                              env={**installed.env, **worker_env(settings)}, preexec_fn=end_with_parent,
                              stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno(), stderr=sys.stderr.fileno())

    documents = read_documents([DEV_CORPUS])

    async def scenario() -> tuple[dict, dict]:
        await ensure_topics(settings)
        await publish(settings, documents)
        await wait_until_idle(settings, timeout=RUN_TIMEOUT_SECONDS, alive=lambda: worker.poll() is None)
        return await get_json(settings, "/api/counts"), await get_json(settings, "/api/status")

    try:
        counts, status = asyncio.run(scenario())
    finally:
        stop_workers([worker])
    assert counts == expected_counts()
    assert status["counters"]["articles_processed"] == len(documents)
    assert not status["counters"].get("deadlettered"), "an installed worker validates articles like the source tree"


def test_without_its_schemas_the_installed_package_refuses_to_start_and_says_which_file(installed: Installed) -> None:
    where = installed.run(installed.command("python"), "-c", "import streams.schemas as s; print(s.__file__)")
    schema = Path(where.stdout.strip()).parent / "raw-article.schema.json"
    hidden = schema.with_name(schema.name + ".hidden")
    schema.rename(hidden)
    try:
        worker = installed.run(installed.command("newsroom"), "worker", env={"KAFKA_BOOTSTRAP": "127.0.0.1:9"})
        extract = installed.run(installed.command("newsroom"), "extract", str(SEEDS))
    finally:
        hidden.rename(schema)
    for done in (worker, extract):
        assert done.returncode == 3, done.stderr[-3000:]
        assert "raw-article.schema.json" in done.stderr
