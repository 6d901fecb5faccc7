"""rasd: Arabic news to structured, geocoded, dated conflict-event data.

Public API::

    import rasd
    events = rasd.extract(text, published="2023-10-20")
"""
from __future__ import annotations

import datetime as dt

from rasd.doc import Document
from rasd.event import Actor, Event, Location

__all__ = ["Actor", "Document", "Event", "Location", "extract", "analyze"]
__version__ = "0.1.0"


def _as_date(published: dt.date | str | None) -> dt.date | None:
    if published is None or isinstance(published, dt.date):
        return published
    return dt.date.fromisoformat(published[:10])


def analyze(text: str, published: dt.date | str | None = None, url: str | None = None,
            id: str | None = None) -> Document:
    """Run every annotation stage and return the Document with all its layers."""
    from rasd.pipeline import annotate
    from rasd.resources import load_resources

    doc = Document.from_text(text, published=_as_date(published), url=url, id=id)
    return annotate(doc, load_resources())


def extract(text: str, published: dt.date | str | None = None, url: str | None = None) -> list[Event]:
    """The events (CODEBOOK §3) an Arabic article reports."""
    from rasd.pipeline import extract_events
    from rasd.resources import load_resources

    doc = Document.from_text(text, published=_as_date(published), url=url)
    return extract_events(doc, load_resources())
