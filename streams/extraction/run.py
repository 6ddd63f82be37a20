"""Running extraction over articles: the cheap focus pass, one ``nlp.pipe`` over the batch, then the rules.

The CLI (`newsroom extract`), the extraction processes of the stream agents and the tests all call
:func:`extract` / :func:`extract_many`; nothing here touches Kafka or files. Importing this module
loads spaCy: the worker's own process (which only sends what its extraction processes derive)
does not import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from streams.extraction.focus import focus
from streams.extraction.incidents import extract_incidents
from streams.extraction.model import AnalysedArticle, Extraction
from streams.extraction.nlp import load_pipeline
from streams.extraction.statements import extract_statements
from streams.model.article import TEXT_FIELDS, Article

# Texts per ``nlp.pipe`` batch. The networks cost less per token in larger batches (a run of 16 articles, up to 48
# texts, parses in about 6% less time at 32 than at 16), and the parses are the same at any size.
PARSE_BATCH = 32


def analyse_many(articles: Iterable[Article], batch_size: int = PARSE_BATCH) -> Iterator[AnalysedArticle]:
    """Parse the sentences extraction can use (:mod:`.focus`) of every text field of every article
    in one ``nlp.pipe`` stream (batching is the speed-up); a field with none is not parsed."""
    nlp = load_pipeline()
    items = list(articles)
    texts = [(text, (i, name)) for i, a in enumerate(items) for name in TEXT_FIELDS
             for text in [focus(a.field(name))] if text.strip()]
    docs: list[dict] = [{} for _ in items]
    for doc, (i, name) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        docs[i][name] = doc
    for article, parsed in zip(items, docs):
        yield AnalysedArticle(article=article, docs=parsed)


def extract_analysed(analysed: AnalysedArticle) -> Extraction:
    return Extraction(incidents=tuple(extract_incidents(analysed)), statements=tuple(extract_statements(analysed)))


def extract_many(articles: Iterable[Article]) -> list[Extraction]:
    return [extract_analysed(a) for a in analyse_many(articles)]


def extract(article: Article) -> Extraction:
    return extract_many([article])[0]
