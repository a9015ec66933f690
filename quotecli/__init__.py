"""quotecli: attributed quotations and forward-looking claims from English news text.

    >>> from quotecli import extract
    >>> result = extract('"We will win," said Jane Doe, a senator.')
    >>> result.quotes[0].speaker.name
    'Jane Doe'
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .extractor import extract
from .models import Claim, DocumentResult, Horizon, Mention, Quote, Span, Speaker

try:
    __version__ = version("quotecli")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["extract", "DocumentResult", "Quote", "Claim", "Mention", "Span", "Speaker", "Horizon",
           "__version__"]
