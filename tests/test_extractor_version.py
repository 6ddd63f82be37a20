"""The extractor version is derived from the rules and the model, so a rule change re-derives on replay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from streams.extraction import extractor_version
from streams.extraction.version import OTHER_SOURCES, PACKAGE_DIR, code_version, derived_version, installed_model

COMPONENTS = ["en_core_web_sm==3.8.0", "spacy==3.8.0"]


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "extraction"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_an_unchanged_copy_has_the_same_version(package_copy: Path) -> None:
    assert code_version(package_copy, OTHER_SOURCES, COMPONENTS) == code_version(PACKAGE_DIR, OTHER_SOURCES,
                                                                                  COMPONENTS)


def test_changing_a_rule_file_changes_the_version(package_copy: Path) -> None:
    before = code_version(package_copy, OTHER_SOURCES, COMPONENTS)
    rules = package_copy / "lexicon.py"  # the word lists every rule reads
    edited = rules.read_text().replace('"incursion"', '"incursion", "trespass"', 1)
    assert edited != rules.read_text()
    rules.write_text(edited)
    assert code_version(package_copy, OTHER_SOURCES, COMPONENTS) != before


def test_changing_the_gazetteer_changes_the_version(package_copy: Path) -> None:
    before = code_version(package_copy, OTHER_SOURCES, COMPONENTS)
    table = package_copy / "gazetteer.tsv"
    table.write_text(table.read_text(encoding="utf-8") + "ZZ\tnowhereville\n", encoding="utf-8")
    assert code_version(package_copy, OTHER_SOURCES, COMPONENTS) != before


def test_adding_a_rule_module_changes_the_version(package_copy: Path) -> None:
    before = code_version(package_copy, OTHER_SOURCES, COMPONENTS)
    (package_copy / "balloons.py").write_text('"""A new rule module."""\n')
    assert code_version(package_copy, OTHER_SOURCES, COMPONENTS) != before


def test_another_model_changes_the_version() -> None:
    assert code_version(PACKAGE_DIR, OTHER_SOURCES, ["en_core_web_sm==3.9.0", "spacy==3.8.0"]) != code_version(
        PACKAGE_DIR, OTHER_SOURCES, COMPONENTS)


def test_the_installed_model_is_part_of_the_version() -> None:
    assert "==" in installed_model()


def test_events_carry_the_derived_version_unless_tagged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSROOM_EXTRACTOR_VERSION", raising=False)
    assert extractor_version() == derived_version()
    assert derived_version().startswith("rules-")
    monkeypatch.setenv("NEWSROOM_EXTRACTOR_VERSION", "local-build")
    assert extractor_version() == "local-build"


def test_changing_a_pattern_file_changes_the_version(package_copy: Path) -> None:
    before = code_version(package_copy, OTHER_SOURCES, COMPONENTS)
    patterns = package_copy / "patterns" / "disruption.json"
    patterns.write_text(patterns.read_text(encoding="utf-8").replace('"name": "disruption.', '"name": "stoppage.', 1),
                        encoding="utf-8")
    assert code_version(package_copy, OTHER_SOURCES, COMPONENTS) != before
