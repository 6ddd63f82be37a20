"""Building invented test articles (never corpus text: test_test_sentences_are_invented checks) and running extraction
on them."""

from __future__ import annotations

from streams.extraction.model import Extraction
from streams.extraction.run import extract
from streams.model.article import Article
from streams.model.validation import parse_document


def article(body: str, published_at: str = "2025-10-08T12:00:00Z", headline: str = "Test story",
            standfirst: str = "", article_id: str = "test-1", source: str = "") -> Article:
    parsed = parse_document({"article_id": article_id, "version": 1, "action": "publish",
                             "published_at": published_at, "headline": headline, "standfirst": standfirst,
                             "body": body, "source": source})
    assert isinstance(parsed, Article), parsed
    return parsed


def run(body: str, **kwargs: str) -> Extraction:
    return extract(article(body, **kwargs))
