"""Validators for the official HSDS 3.0 schemas shipped with the app (opendata/hsds/schema).

The files refer to each other by bare file name and carry no ``$schema`` or ``$id``, so each
is registered under its file name in a ``referencing`` registry and checked with the Draft
2020-12 validator, formats included (``uuid``, ``uri``, ``email``, ``date-time``). HSDS
allows properties it does not define; the strict variant forbids them, so that a misspelt
field fails.
"""

import copy
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

import opendata.hsds

SCHEMA_DIR = Path(opendata.hsds.__file__).parent / "schema"


@cache
def schemas():
    return {
        path.name: json.loads(path.read_text())
        for path in sorted(SCHEMA_DIR.glob("*.json"))
        if path.name != "openapi.json"
    }


@cache
def openapi():
    return json.loads((SCHEMA_DIR / "openapi.json").read_text())


def forbid_unknown(schema):
    """A copy of ``schema`` in which every object with properties allows no others."""
    schema = copy.deepcopy(schema)
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "properties" in node and "$ref" not in node:
                node.setdefault("additionalProperties", False)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return schema


@cache
def registry(strict):
    resources = []
    for name, schema in schemas().items():
        schema = forbid_unknown(schema) if strict else schema
        resources.append((name, DRAFT202012.create_resource(schema)))
    return Registry().with_resources(resources)


def validator(name, *, strict=True):
    """A validator for ``name`` ("service.json"); strict unless asked otherwise."""
    schema = registry(strict).contents(name)
    return Draft202012Validator(
        schema, registry=registry(strict), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def page_validator():
    """The paging envelope of every list (components.schemas.Page), every field required."""
    page = copy.deepcopy(openapi()["components"]["schemas"]["Page"])
    page["properties"]["contents"] = {"type": "array"}
    page["required"] = sorted(page["properties"])
    page["additionalProperties"] = False
    return Draft202012Validator(page, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(name, instance, *, strict=True):
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name, strict=strict).iter_errors(instance)
    ]
