"""Incidents extraction (being written)."""

from __future__ import annotations

from streams.extraction.model import AnalysedArticle


def extract_incidents(analysed: AnalysedArticle) -> list:
    return []
