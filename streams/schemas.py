"""The JSON Schemas of ``schemas/``: the machine-readable form of the contract."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_FILES = {
    "raw": "raw-article.schema.json",
    "incident": "incident.schema.json",
    "statement": "statement.schema.json",
    "alert": "alert.schema.json",
}


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / SCHEMA_FILES[name]).read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def errors(name: str, document: Any) -> list[str]:
    """Human-readable schema violations, best first ("version: 'x' is not of type 'integer'")."""
    found = sorted(validator(name).iter_errors(document), key=lambda e: (len(e.path), e.message))
    return [f"{'.'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in found]
