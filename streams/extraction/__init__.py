"""Extraction: pure functions from an article value to incident and statement facts.

The CLI (`newsroom extract`), the stream agents and the tests all call
:func:`.run.extract` / :func:`.run.extract_many`; nothing here touches Kafka or files.

The package itself loads no spaCy (the rules and the model load with :mod:`.run`): the worker's
own process, which needs only the extractor's version, stays small.
"""

from __future__ import annotations

import os

from streams.extraction.version import derived_version


def extractor_version() -> str:
    """The version stamped on derived events: a hash of the rules and the model (:mod:`.version`), unless
    ``NEWSROOM_EXTRACTOR_VERSION`` tags a build by hand (a test's replay, a benchmark's forced re-derivation).

    A worker re-derives an article version it has already processed when this differs
    from the one recorded for it: that is how a replay applies a new extractor.
    """
    return os.environ.get("NEWSROOM_EXTRACTOR_VERSION") or derived_version()
