"""Readers: files, folders, JSONL, saved HTML pages, RSS/Atom feeds → ArticleRecord.

Readers never raise for a bad article: they yield a failed record with a
message saying what is wrong and where, so one bad input never stops a batch.
"""
from __future__ import annotations

import hashlib
import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rasd.ingest.records import (LETTER_RE, MIN_ARABIC_SHARE, MIN_LETTERS, ArticleRecord,
                                 arabic_share, error_record)

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
ENCODINGS = ("utf-8", "utf-8-sig", "cp1256")  # cp1256: Windows-Arabic, common in old archives
FETCH_TIMEOUT = 15  # seconds; one attempt, no retries


def decode(data: bytes) -> tuple[str, str]:
    """Text of ``data`` and the encoding that worked: UTF-8 (with or without BOM),
    else Windows-Arabic (cp1256). Raises UnicodeDecodeError when none does."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        try:
            text = data.decode("cp1256")
        except UnicodeDecodeError:
            raise first from None
        return text, "cp1256"


def _file_id(path: Path, data: bytes) -> str:
    # content-derived: the same file read from another folder or machine keeps its id
    return f"{path.stem}-{hashlib.sha1(data).hexdigest()[:10]}"


def _read_bytes(path: Path) -> bytes | ArticleRecord:
    """The file's bytes, or the error record saying why there are none."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return error_record(str(path), f"cannot read file: {exc.strerror}")
    if not data.strip():
        return error_record(str(path), "empty file")
    return data


def read_text_file(path: Path) -> ArticleRecord:
    """A plain text file: one article, UTF-8 (or cp1256, which the record's error notes)."""
    data = _read_bytes(path)
    if isinstance(data, ArticleRecord):
        return data
    if b"\x00" in data:
        return error_record(str(path), "binary or UTF-16 file (NUL bytes); save it as UTF-8 text")
    try:
        text, enc = decode(data)
    except UnicodeDecodeError as exc:
        return error_record(str(path), f"not UTF-8 or Windows-Arabic (cp1256) text: undecodable "
                            f"byte at offset {exc.start}; convert the file to UTF-8")
    if enc == "cp1256" and arabic_share(text) < MIN_ARABIC_SHARE:
        return error_record(str(path), "not UTF-8, and read as Windows-Arabic (cp1256) it is "
                            "not Arabic text: unknown encoding; convert the file to UTF-8")
    rec = ArticleRecord(id=_file_id(path, data), text=text, source_path=str(path))
    if enc == "cp1256":
        # not an error: recorded so the analyst knows the file was not UTF-8
        rec = ArticleRecord(**{**rec.to_dict(), "error": "decoded as Windows-Arabic (cp1256)"})
    return rec


def _jsonl_record(obj: Any, where: str) -> ArticleRecord:
    if not isinstance(obj, dict):
        return error_record(where, "line is JSON but not an object")
    text = obj.get("text")
    if text is not None and not isinstance(text, str):
        return error_record(where, "field 'text' is not a string", _str(obj.get("id")))
    return ArticleRecord(
        id=_str(obj.get("id")), text=text, publication_date=_str(obj.get("publication_date")),
        url=_str(obj.get("url")), title=_str(obj.get("title")), outlet=_str(obj.get("outlet")),
        source_path=where)


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def read_jsonl(path: Path) -> Iterator[ArticleRecord]:
    """CODEBOOK §5 input: one JSON object a line. A malformed line becomes a failed
    record naming its line number; blank lines are ignored."""
    try:
        f = path.open("rb")
    except OSError as exc:
        yield error_record(str(path), f"cannot read file: {exc.strerror}")
        return
    with f:
        for n, raw in enumerate(f, 1):
            where = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(decode(raw)[0])
            except UnicodeDecodeError:
                yield error_record(where, "line is not UTF-8 text")
                continue
            except json.JSONDecodeError as exc:
                yield error_record(where, f"malformed JSON at column {exc.colno}: {exc.msg}")
                continue
            rec = _jsonl_record(obj, where)
            yield rec if rec.id or rec.status != "ok" else ArticleRecord(
                **{**rec.to_dict(), "id": _content_id(rec.text)})


def _content_id(text: str | None) -> str:
    return "a-" + hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:12]


def _html_record(data: bytes | str, source: str, url: str | None = None) -> ArticleRecord:
    import trafilatura  # heavy import: only when HTML is met

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(LETTER_RE.findall(text)) < MIN_LETTERS:
        return error_record(source, "no article text found in the HTML page (navigation, "
                            "scripts or an empty page)")
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    return ArticleRecord(
        id=_file_id(Path(source), raw), text=text, publication_date=getattr(doc, "date", None),
        url=getattr(doc, "url", None) or url, title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        source_path=source)


def read_html(path: Path) -> ArticleRecord:
    """A saved web page: article text and metadata (title, date, URL, site name) via trafilatura."""
    data = _read_bytes(path)
    if isinstance(data, ArticleRecord):
        return data
    return _html_record(data, str(path))


def network_allowed() -> bool:
    """Fetching URLs is opt-in (rasd works offline): RASD_FETCH=1 turns it on."""
    return os.environ.get("RASD_FETCH", "").lower() in ("1", "true", "yes")


def fetch(url: str) -> bytes:
    """One GET with a timeout; raises OSError with a readable message. No retries."""
    if not network_allowed():
        raise OSError("network access is off (rasd works offline); set RASD_FETCH=1 to fetch URLs")
    req = urllib.request.Request(url, headers={"User-Agent": "rasd (+feed reader)"})
    try:
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT) as resp:  # noqa: S310 (http/https only)
            return resp.read()
    except (urllib.error.URLError, TimeoutError) as exc:
        raise OSError(f"cannot fetch {url}: {getattr(exc, 'reason', exc)}") from exc


def read_feed(source: str) -> Iterator[ArticleRecord]:
    """An RSS/Atom feed file or URL: one record per entry (text from its content or summary)."""
    from rasd.ingest.feeds import feed_records

    if source.startswith(("http://", "https://")):
        try:
            data = fetch(source)
        except OSError as exc:
            yield error_record(source, str(exc))
            return
    else:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            yield error_record(source, f"cannot read file: {exc.strerror}")
            return
    yield from feed_records(data, source)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("jsonl", JSONL_SUFFIXES), ("feed", FEED_SUFFIXES)):
        if suffix in suffixes:
            return kind
    return "text" if not suffix else "unknown"


def read_path(path: str | Path) -> Iterator[ArticleRecord]:
    """Records from a file, a folder (recursive, sorted, hidden files skipped) or a feed URL."""
    if isinstance(path, str) and path.startswith(("http://", "https://")):
        yield from read_feed(path)
        return
    p = Path(path)
    if p.is_dir():
        for child in sorted(c for c in p.rglob("*") if c.is_file()):
            if not any(part.startswith(".") for part in child.relative_to(p).parts):
                yield from read_path(child)
        return
    if not p.exists():
        yield error_record(str(p), "no such file or folder")
        return
    kind = _kind(p)
    if kind == "text":
        yield read_text_file(p)
    elif kind == "jsonl":
        yield from read_jsonl(p)
    elif kind == "html":
        yield read_html(p)
    elif kind == "feed":
        yield from read_feed(str(p))
    else:
        yield error_record(str(p), f"unknown file type {p.suffix!r}; rasd reads .txt, .html, "
                           ".jsonl and .rss/.atom/.xml", )


def read_paths(paths: Iterable[str | Path]) -> Iterator[ArticleRecord]:
    """Records from every path, in the order given."""
    for p in paths:
        yield from read_path(p)

