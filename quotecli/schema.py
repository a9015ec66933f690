"""The JSON Schema (draft 2020-12) of quotecli's output, printed by ``quotecli schema``.

It is written out by hand, field by field as DESIGN.md specifies them, and tests check real output against
it, so the contract and the code cannot drift apart silently. Renaming or removing a key bumps
``models.SCHEMA_VERSION``.
"""
from __future__ import annotations

from typing import Any

from .models import CLAIM_TYPES, QUOTE_KINDS, SCHEMA_VERSION, SPEAKER_TYPES
from .writers import RECORD_FIELDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _obj(props: dict[str, Any], description: str) -> dict[str, Any]:
    return {"type": "object", "description": description, "properties": props, "required": list(props),
            "additionalProperties": False}


_OFFSET = {"type": "integer", "minimum": 0}
_INT_OR_NULL = {"type": ["integer", "null"]}
_STR_OR_NULL = {"type": ["string", "null"]}

DEFS: dict[str, Any] = {
    "span": _obj({"text": {"type": "string"}, "start": _OFFSET, "end": _OFFSET},
                 "A stretch of the document text: text == document[start:end] (code points, half-open)."),
    "mention": _obj({
        "name": {**_STR_OR_NULL, "description": "Canonical name, also when the mention is 'he' or a surname."},
        "mention": {"type": "string", "description": "The words in the text that point at the speaker here."},
        "start": _OFFSET, "end": _OFFSET,
        "role": {**_STR_OR_NULL, "description": "Title or description, e.g. 'an economist with Renmin University'."},
        "type": {"enum": list(SPEAKER_TYPES)},
    }, "Who said or holds something."),
    "quote": _obj({
        "id": {"type": "string", "pattern": "^q[0-9]+$"},
        "text": {"type": "string", "description": "The words inside the quotation marks."},
        "start": _OFFSET, "end": _OFFSET,
        "kind": {"enum": list(QUOTE_KINDS)},
        "group": {**_INT_OR_NULL, "description": "Shared by the pieces of one split or multi-paragraph quotation."},
        "speaker": _nullable({"$ref": "#/$defs/mention"}),
        "cue": _nullable({"$ref": "#/$defs/span"}),
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "rule": {"type": "string", "description": "The rule that produced this record (see --explain)."},
    }, "A quotation."),
    "horizon": _obj({
        "text": {"type": "string"}, "start": _OFFSET, "end": _OFFSET,
        "value": {**_STR_OR_NULL, "description": "The normalised period, or null when it cannot be anchored."},
    }, "When a claim is due."),
    "claim": _obj({
        "id": {"type": "string", "pattern": "^c[0-9]+$"},
        "text": {"type": "string", "description": "The sentence."},
        "start": _OFFSET, "end": _OFFSET,
        "type": {"enum": list(CLAIM_TYPES)},
        "cue": {"$ref": "#/$defs/span"},
        "holder": {"anyOf": [{"$ref": "#/$defs/mention"}, {"type": "null"}],
                   "description": "null: the writer's own voice."},
        "horizon": _nullable({"$ref": "#/$defs/horizon"}),
        "quote": {**_STR_OR_NULL, "description": "The id of the quotation the claim sits in."},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "rule": {"type": "string"},
    }, "A forward-looking claim."),
    "speaker": _obj({
        "name": {"type": "string"}, "type": {"enum": list(SPEAKER_TYPES)},
        "roles": {"type": "array", "items": {"type": "string"}},
        "quotes": {"type": "integer", "minimum": 0}, "claims": {"type": "integer", "minimum": 0},
    }, "One person or organisation across the document."),
}

_DOCUMENT_PROPS = {
    "id": {**_STR_OR_NULL, "description": "The input id: the path as given, or the corpus record's id field."},
    "source": {**_STR_OR_NULL, "description": "Where the document came from: 'file.txt' or 'corpus.jsonl:17'."},
    "quotes": {"type": "array", "items": {"$ref": "#/$defs/quote"}},
    "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
    "speakers": {"type": "array", "items": {"$ref": "#/$defs/speaker"}},
    "error": {**_STR_OR_NULL, "description": "Why this document could not be processed (then the lists are empty)."},
    "date": {**_STR_OR_NULL, "description": "The date relative horizons were anchored to (YYYY-MM-DD)."},
    "boilerplate": {"type": "array", "items": {"$ref": "#/$defs/span"},
                    "description": "Page furniture recognised and skipped (bylines, credits, 'Advertisement')."},
    "meta": {"type": ["object", "null"], "description": "Other fields of the input record (--keep-fields)."},
}


def document_schema() -> dict[str, Any]:
    """The schema of one document record (``-f json`` / ``-f jsonl``)."""
    return {"$schema": DIALECT, "$id": f"https://quotecli.invalid/schema/v{SCHEMA_VERSION}/document.json",
            "title": "quotecli document record", "schema_version": SCHEMA_VERSION,
            **_obj(_DOCUMENT_PROPS, "Everything found in one document, or the error that stopped it."),
            "$defs": DEFS}


_NUM_OR_NULL = {"type": ["number", "null"]}


def record_schema() -> dict[str, Any]:
    """The schema of one flat record (``--records``, and the columns of ``-f csv``)."""
    props: dict[str, Any] = {name: _STR_OR_NULL for name in RECORD_FIELDS}
    props.update({
        "type": {"enum": ["quote", "claim", "error"]},
        "start": _INT_OR_NULL, "end": _INT_OR_NULL, "group": _INT_OR_NULL,
        "speaker_start": _INT_OR_NULL, "speaker_end": _INT_OR_NULL, "cue_start": _INT_OR_NULL,
        "cue_end": _INT_OR_NULL, "horizon_start": _INT_OR_NULL, "horizon_end": _INT_OR_NULL,
        "confidence": _NUM_OR_NULL,
        "kind": {"type": ["string", "null"], "description": "Quote kind (direct, partial) or claim type."},
        "speaker_name": {"type": ["string", "null"], "description": "The quote's speaker or the claim's holder."},
    })
    summary = {"type": "object", "description": "Last line with --stats: totals for the run.",
               "properties": {"type": {"const": "summary"}, "documents": {"type": "integer"},
                              "errors": {"type": "integer"}, "quotes": {"type": "integer"},
                              "claims": {"type": "integer"}, "speakers": {"type": "integer"},
                              "characters": {"type": "integer"}, "elapsed_seconds": {"type": "number"},
                              "chars_per_second": {"type": "number"}},
               "required": ["type", "documents", "errors", "quotes", "claims", "speakers", "characters",
                            "elapsed_seconds", "chars_per_second"]}
    return {"$schema": DIALECT, "$id": f"https://quotecli.invalid/schema/v{SCHEMA_VERSION}/record.json",
            "title": "quotecli flat record", "schema_version": SCHEMA_VERSION,
            "oneOf": [_obj(props, "One quotation, claim or failed document as a flat row."), summary]}
