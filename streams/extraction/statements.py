"""Statements extraction (being written)."""

from __future__ import annotations

from streams.extraction.model import AnalysedArticle


def extract_statements(analysed: AnalysedArticle) -> list:
    return []
