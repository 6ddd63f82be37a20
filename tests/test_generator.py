"""The benchmark's article generator: deterministic, valid, varied, mixed relevance."""

from __future__ import annotations

from newsroom_dev.generator import generate
from streams.model.article import Article
from streams.model.validation import parse_document


def test_generated_articles_are_valid_deterministic_and_varied():
    first, again = generate(200, seed=5), generate(200, seed=5)
    assert first == again
    assert len({a["article_id"] for a in first}) == 200
    assert all(isinstance(parse_document(a), Article) for a in first)
    assert len({a["body"] for a in first}) > 150, "not one text repeated"
    relevant = sum("airspace" in a["body"] for a in first)
    assert 60 < relevant < 140
