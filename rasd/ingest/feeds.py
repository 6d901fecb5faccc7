"""RSS/Atom feed entries → ArticleRecord (via feedparser)."""
from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Iterator
from typing import Any

from rasd.ingest.records import ArticleRecord, error_record


def _html_to_text(fragment: str) -> str:
    """Plain text of an entry's HTML content, paragraphs kept as lines."""
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for br in root.iter("br", "p", "div", "li", "h1", "h2", "h3"):
        br.tail = "\n" + (br.tail or "")
    lines = (ln.strip() for ln in root.text_content().splitlines())
    return "\n".join(ln for ln in lines if ln)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if isinstance(st, time.struct_time):
            return dt.date(st.tm_year, st.tm_mon, st.tm_mday).isoformat()
    return None


def _entry_text(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    best = max(contents, key=len) if contents else ""
    summary = entry.get("summary") or ""
    return _html_to_text(best if len(best) >= len(summary) else summary)


def feed_records(data: bytes, source: str) -> Iterator[ArticleRecord]:
    """One record per entry; a feed that does not parse is one failed record."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        yield error_record(source, f"not an RSS/Atom feed: {exc}")
        return
    if not parsed.entries:
        yield error_record(source, "feed has no entries", )
        return
    outlet = parsed.feed.get("title")
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        key = entry.get("id") or link or f"{source}#{n}"
        yield ArticleRecord(
            id="feed-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12],
            text=_entry_text(entry), publication_date=_entry_date(entry), url=link,
            title=entry.get("title"), outlet=outlet, source_path=f"{source}#{n}")
