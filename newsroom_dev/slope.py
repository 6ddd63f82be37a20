"""``newsroom bench --extraction-slope``: how extraction time grows with the length of an article.

Each body is the generator's wire stories (incident reports and other news, half and half) run
together up to the size, so a longer body is more of the same kind of text: a cost linear in the
text shows as the same milliseconds per KB at every size. Offline extraction, one article at a
time, as an extraction process runs it (no time budget: the point is what it would take).
The slope is the least-squares fit of time on size; the yardstick is the cost per KB of the
smallest body, against which every size's cost per KB is a ratio (1.0 at every size: linear).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any

from newsroom_dev.generator import generate
from streams.extraction.nlp import load_pipeline
from streams.model.article import Article
from streams.model.events import upserts_of
from streams.model.validation import parse_document

# 1 KB to 1 MB: 976 KiB is the largest body under spaCy's limit of 1,000,000 characters per text (a longer one
# is refused by the parser and dead-lettered at extraction).
MAX_SIZE_KB = 976
DEFAULT_SIZES_KB = (1, 4, 16, 64, 256, MAX_SIZE_KB)


@dataclass(frozen=True, slots=True)
class Point:
    size_kb: float
    seconds: float
    ms_per_kb: float
    vs_smallest: float  # ms per KB against the smallest body's


def body_of(size_bytes: int, seed: int = 3) -> str:
    """Generated stories, whole paragraphs, up to ``size_bytes`` of UTF-8 (ASCII here)."""
    paragraphs: list[str] = []
    length, batch = 0, 0
    while length < size_bytes:
        for document in generate(50, seed=seed + batch, relevant_share=0.5):
            for paragraph in document["body"].split("\n"):
                if length + len(paragraph) + 1 > size_bytes:
                    return "\n".join(paragraphs)
                paragraphs.append(paragraph)
                length += len(paragraph) + 1
        batch += 1
    return "\n".join(paragraphs)


def article_of(size_kb: float) -> Article:
    parsed = parse_document({"article_id": f"slope-{size_kb:g}", "version": 1, "action": "publish",
                             "published_at": "2025-10-08T12:00:00Z", "headline": "Wire stories run together",
                             "body": body_of(int(size_kb * 1024))})
    assert isinstance(parsed, Article), parsed
    return parsed


def measure(sizes_kb: tuple[float, ...] = DEFAULT_SIZES_KB) -> dict[str, Any]:
    """Seconds of extraction per body size, the least-squares slope (ms per KB) and each size's ratio."""
    load_pipeline()
    upserts_of(article_of(1))  # warm: the first call loads lookups the others share
    timed: list[tuple[float, float]] = []
    for size in sizes_kb:
        article = article_of(size)
        started = time.perf_counter()
        upserts_of(article)
        timed.append((len(article.body.encode()) / 1024, time.perf_counter() - started))
    base = timed[0][1] * 1000 / timed[0][0]
    points = [Point(round(kb, 1), round(s, 3), round(s * 1000 / kb, 1), round(s * 1000 / kb / base, 2)) for kb, s in timed]
    mean_kb = sum(kb for kb, _ in timed) / len(timed)
    mean_s = sum(s for _, s in timed) / len(timed)
    spread = sum((kb - mean_kb) ** 2 for kb, _ in timed)
    slope = sum((kb - mean_kb) * (s - mean_s) for kb, s in timed) / spread * 1000 if spread else 0.0
    return {"slope_ms_per_kb": round(slope, 1), "points": [asdict(p) for p in points]}


def render_slope(result: dict[str, Any]) -> str:
    rows = ["body (KB)  extraction (s)  ms per KB  vs smallest (x)"]
    rows += [f"{p['size_kb']:>9}  {p['seconds']:>14}  {p['ms_per_kb']:>9}  {p['vs_smallest']:>15}" for p in result["points"]]
    rows.append(f"slope (least squares): {result['slope_ms_per_kb']} ms per KB")
    return "\n".join(rows)
