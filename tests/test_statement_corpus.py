"""Invented articles, one per family of statement writing (tests/corpus/statements/*.json), each with the
statements it holds.

Every article is written for these tests (no corpus text, no corpus names): organisations named in full
and by initials, bodies named only by their kind, outlets and the sources they quote, a live blog, the
shapes of quotation and cue, titles and pronouns, speech verbs inside other statements. Each file says
which phenomena it exercises. Exactly the expected statements must be found, each with its speaker's
name, role and organisation.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from streams.extraction.model import StatementFact
from streams.extraction.run import extract
from streams.model.validation import parse_document

CORPUS = Path(__file__).parent / "corpus" / "statements"


def _articles() -> list[Path]:
    return sorted(CORPUS.glob("statements-*.json"))


def _found(fact: StatementFact) -> tuple[str, str | None, str | None, str, str]:
    speaker = fact.speaker
    return speaker.name, speaker.role, speaker.organization, fact.mode, fact.quote


def _expected(item: dict[str, Any]) -> tuple[str, str | None, str | None, str, str]:
    return item["speaker"], item["role"], item["organization"], item["mode"], item["quote"]


@pytest.mark.parametrize("path", _articles(), ids=lambda p: p.stem)
def test_the_article_holds_exactly_its_statements(path: Path) -> None:
    document = json.loads(path.read_text())
    article = parse_document(document["article"])
    found = sorted(_found(s) for s in extract(article).statements)
    assert found == sorted(_expected(s) for s in document["statements"])


def test_every_article_says_what_it_exercises() -> None:
    articles = _articles()
    assert len(articles) >= 6
    for path in articles:
        document = json.loads(path.read_text())
        assert document["phenomena"].strip() and document["statements"], path.name
