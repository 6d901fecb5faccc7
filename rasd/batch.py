"""The batch interface (CODEBOOK §5): one JSON line in, one JSON line out, in order.

A bad line never stops the batch and is never lost: it becomes an output line
``{"id": …, "events": [], "error": "…"}`` and a message on stderr.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from rasd.doc import Document
from rasd.errors import InputError, RasdError

log = logging.getLogger("rasd.batch")

# Longer articles are cut here: the first 300,000 characters hold the news;
# past that a page is archives or comments and only slows the batch down.
MAX_CHARS = 300_000
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_ID_IN_BROKEN_LINE = re.compile(r'"id"\s*:\s*"([^"]{1,200})"')


def check_text(text: Any, article_id: str | None) -> str:
    """The article text, or an InputError saying why it cannot be read."""
    if not isinstance(text, str):
        raise InputError("no text field (expected a string)", article_id)
    if not text.strip():
        raise InputError("empty text", article_id)
    sample = text[:20_000]
    letters = sum(map(str.isalpha, sample))
    if letters and len(_ARABIC_LETTER.findall(sample)) / letters < 0.3:
        raise InputError("not Arabic (under 30% Arabic letters)", article_id)
    if not letters:
        raise InputError("no letters in text", article_id)
    return text


def check_published(value: Any, article_id: str | None, today: dt.date | None = None) -> dt.date | None:
    """The publication date, or None with a warning when it is missing, malformed or future."""
    if value in (None, ""):
        return None
    try:
        published = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        log.warning("%s: publication_date %r is not YYYY-MM-DD; ignored", article_id, value)
        return None
    if published > (today or dt.date.today()) + dt.timedelta(days=1):
        log.warning("%s: publication_date %s is in the future; ignored", article_id, published)
        return None
    return published


def process_record(record: Any) -> dict[str, Any]:
    """One input record → one output record; never raises for bad input."""
    from rasd.pipeline import extract_events
    from rasd.resources import load_resources

    if isinstance(record, InputError):  # a line that could not be parsed
        log.warning("%s", record)
        return {"id": record.article_id, "events": [], "error": str(record)}
    article_id = record.get("id") if isinstance(record, dict) else None
    try:
        if not isinstance(record, dict):
            raise InputError("line is not a JSON object")
        text = check_text(record.get("text"), article_id)
        if len(text) > MAX_CHARS:
            log.warning("%s: %d characters; only the first %d are read", article_id, len(text), MAX_CHARS)
            text = text[:MAX_CHARS]
        published = check_published(record.get("publication_date"), article_id)
        doc = Document.from_text(text, published=published, url=record.get("url"), id=article_id)
        events = extract_events(doc, load_resources())
    except RasdError as exc:
        log.warning("%s", exc)
        return {"id": article_id, "events": [], "error": str(exc)}
    except Exception as exc:  # a bug in one stage must not stop the batch: record it, go on
        log.exception("%s: internal error", article_id)
        return {"id": article_id, "events": [], "error": f"internal error: {type(exc).__name__}: {exc}"}
    return {"id": article_id, "events": [e.to_dict() for e in events]}


def parse_line(line: str, line_no: int) -> dict[str, Any] | InputError:
    """A JSONL line as a record, or the error that explains why it is not one."""
    if not line.strip():
        return InputError(f"line {line_no}: empty line")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        found = _ID_IN_BROKEN_LINE.search(line[:2000])
        return InputError(f"line {line_no}: malformed JSON ({exc.msg} at column {exc.colno})",
                          found.group(1) if found else None)
    if not isinstance(record, dict):
        return InputError(f"line {line_no}: not a JSON object")
    return record


def run_lines(lines: Iterable[str], workers: int = 1) -> Iterator[dict[str, Any]]:
    """Output records for input JSONL lines: exactly one per line, in order, streamed."""
    from rasd.pipeline import pipe

    parsed = (parse_line(line, n) for n, line in enumerate(lines, 1))
    return pipe(parsed, workers=workers)
