"""The pipeline: text -> segments -> quotations -> attribution -> claims -> DocumentResult.

No I/O here and nothing from typer or rich: this is the library API behind the command line.
"""
from __future__ import annotations

import datetime as _dt

from . import claims as _claims
from . import quotes as _quotes
from . import speakers as _speakers
from .deadline import budget, document_deadline
from .models import DocumentResult
from .text import TextDoc


def _as_date(date: _dt.date | str | None) -> _dt.date | None:
    if date is None or isinstance(date, _dt.date):
        return date
    return _dt.date.fromisoformat(str(date)[:10])


def extract(text: str, *, doc_id: str | None = None, date: _dt.date | str | None = None,
            source: str | None = None) -> DocumentResult:
    """Find the quotations and forward-looking claims in one article.

    ``date`` (a ``datetime.date`` or ``YYYY-MM-DD``) anchors relative horizons such as ``next month``;
    without it a date written in the text is used, and failing that horizon values are null.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str text, not {type(text).__name__}")
    when = _as_date(date)
    with document_deadline(budget(len(text))):  # a runaway document raises TimeoutError
        doc = TextDoc(text)
        resolver = _speakers.Resolver(doc)
        raw = _quotes.find_quotes(doc)
        quotes = _speakers.attribute(doc, raw, resolver)
        claims, boilerplate, used_date = _claims.find_claims(doc, quotes, resolver, when)
        quotes, claims = _speakers.share_roles(quotes, claims, doc, resolver)
        speakers = _speakers.summarise(quotes, claims)
    return DocumentResult(id=doc_id, source=source, quotes=tuple(quotes), claims=tuple(claims),
                          speakers=tuple(speakers), error=None,
                          date=used_date.isoformat() if used_date else None,
                          boilerplate=tuple(boilerplate))
