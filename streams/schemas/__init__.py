"""The contract's JSON Schemas (the ``*.schema.json`` files beside this module): its machine-readable form.

They live inside the package so that an installed wheel carries them: the worker
validates every raw article against one, and the OpenAPI document embeds the
event schemas. :func:`check` loads them all, so a worker refuses to start without
them rather than dead-letter every article it receives.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import SchemaError

SCHEMA_FILES = {
    "raw": "raw-article.schema.json",
    "incident": "incident.schema.json",
    "statement": "statement.schema.json",
    "alert": "alert.schema.json",
    "tally": "tally-update.schema.json",
}


class SchemaMissing(RuntimeError):
    """A schema file is absent or unreadable: the package was built or installed without it."""


def load(name: str) -> dict[str, Any]:
    """One schema as a JSON document."""
    source = resources.files(__name__).joinpath(SCHEMA_FILES[name])
    try:
        return json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SchemaMissing(f"schema {SCHEMA_FILES[name]!r} cannot be read from {source}: {error}") from error


def _is_integer(_checker: Any, instance: Any) -> bool:
    """An integer is a JSON number written without a fraction or exponent: ``1.0`` is not one.

    JSON Schema calls any number with a zero fraction an integer; the contract's integers
    (``version``, counts) are re-emitted as they came, and ``1.0`` would leave as ``1.0``.
    """
    return isinstance(instance, int) and not isinstance(instance, bool)


# Draft 2020-12, its "integer" strict (see _is_integer).
StrictValidator = validators.extend(
    Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer))


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    schema = load(name)
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise SchemaMissing(f"schema {SCHEMA_FILES[name]!r} is not a valid JSON Schema: {error.message}") from error
    return StrictValidator(schema, format_checker=FormatChecker())


def check() -> None:
    """Every schema loads and is valid; raises :class:`SchemaMissing` naming the first that is not."""
    for name in SCHEMA_FILES:
        validator(name)


def errors(name: str, document: Any) -> list[str]:
    """Human-readable schema violations, best first ("version: 'x' is not of type 'integer'")."""
    found = sorted(validator(name).iter_errors(document), key=lambda e: (len(e.path), e.message))
    return [f"{'.'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in found]
