"""The records quotecli produces: frozen dataclasses that serialise to the DESIGN.md JSON contract.

Offsets are code-point indices into the document text, half-open ``[start, end)``, so that
``text[start:end] == span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

SPEAKER_TYPES = ("person", "organization", "group", "anonymous", "unknown")
QUOTE_KINDS = ("direct", "partial")
CLAIM_TYPES = ("prediction", "plan", "warning")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Mention:
    """Who said or holds something: the canonical name plus the words that point at them here."""

    name: str | None
    mention: str
    start: int
    end: int
    role: str | None = None
    type: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mention": self.mention, "start": self.start, "end": self.end,
                "role": self.role, "type": self.type}


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str
    group: int | None
    speaker: Mention | None
    cue: Span | None
    confidence: float
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "group": self.group, "speaker": self.speaker.to_dict() if self.speaker else None,
                "cue": self.cue.to_dict() if self.cue else None,
                "confidence": round(self.confidence, 3), "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Horizon:
    text: str
    start: int
    end: int
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value}


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    start: int
    end: int
    type: str
    cue: Span
    holder: Mention | None
    horizon: Horizon | None
    quote: str | None
    confidence: float
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end, "type": self.type,
                "cue": self.cue.to_dict(), "holder": self.holder.to_dict() if self.holder else None,
                "horizon": self.horizon.to_dict() if self.horizon else None, "quote": self.quote,
                "confidence": round(self.confidence, 3), "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person or organisation across the document: the speakers table."""

    name: str
    type: str
    roles: tuple[str, ...]
    quotes: int
    claims: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "roles": list(self.roles),
                "quotes": self.quotes, "claims": self.claims}


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything found in one document, or the error that stopped it."""

    id: str | None
    source: str | None = None
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    error: str | None = None
    date: str | None = None
    boilerplate: tuple[Span, ...] = ()
    meta: dict[str, Any] | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source,
                "quotes": [q.to_dict() for q in self.quotes],
                "claims": [c.to_dict() for c in self.claims],
                "speakers": [s.to_dict() for s in self.speakers],
                "error": self.error, "date": self.date,
                "boilerplate": [b.to_dict() for b in self.boilerplate],
                "meta": self.meta}
