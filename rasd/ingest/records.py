"""Article records and the checks every article passes before extraction.

A reader yields :class:`ArticleRecord` — an article, or a recorded error
(``status`` failed/skipped with a message). :func:`check_record` applies the
document-level checks common to every source: empty, HTML markup instead of
text, not Arabic, a publication date in the future; and fills a missing
publication date from the dateline or the first full date in the text.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Any

import regex

from rasd.errors import InputError
from rasd.lexicon.load import DATA_DIR, tsv_records
from rasd.text.normalize import normalize, normalize_form

MIN_ARABIC_SHARE = 0.3  # below this share of Arabic among letters, an article is "not Arabic"
MIN_LETTERS = 20  # fewer letters than this is not an article

LETTER_RE = regex.compile(r"\p{L}")
_ARABIC_RE = regex.compile(r"\p{Script=Arabic}")
_TAG_RE = regex.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One article as read, or an error in its place (``status`` != "ok")."""

    id: str | None
    text: str | None
    publication_date: str | None = None  # YYYY-MM-DD
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    source_path: str | None = None  # where it was read: file, file:line, feed#entry
    status: str = "ok"  # ok | failed | skipped
    error: str | None = None
    date_from: str | None = None  # metadata | text | None: where publication_date came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def failed(self, message: str, status: str = "failed") -> "ArticleRecord":
        return replace(self, status=status, error=message)

    def raise_error(self) -> None:
        """Raise the recorded error as :class:`InputError` (for callers that want exceptions)."""
        if self.status != "ok":
            raise InputError(self.error or self.status, self.id)


def error_record(source: str, message: str, article_id: str | None = None) -> ArticleRecord:
    """A failed record standing for an article that could not be read."""
    return ArticleRecord(id=article_id or source, text=None, source_path=source,
                         status="failed", error=message)


def arabic_share(text: str) -> float:
    """Share of Arabic-script letters among all letters (0 when there are none)."""
    letters = len(LETTER_RE.findall(text))
    return len(_ARABIC_RE.findall(text)) / letters if letters else 0.0


def looks_like_html(text: str) -> bool:
    """Markup rather than article text: many tags, or an HTML document skeleton."""
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    tags = _TAG_RE.findall(text)
    return len(tags) >= 5 and sum(map(len, tags)) > 0.2 * len(text)


# ------------------------------------------------------------------ dates in text


@lru_cache(maxsize=1)
def _month_pattern() -> tuple[regex.Pattern[str], dict[str, int]]:
    months = {normalize_form(r.data["form"]): int(r.data["month"])
              for r in tsv_records(DATA_DIR / "dateline_months.tsv")}
    names = "|".join(sorted(map(regex.escape, months), key=len, reverse=True))
    # "12 تشرين الأول 2023", "3 أكتوبر/تشرين الأول 2023", "5 من نوفمبر عام 2023"
    pat = regex.compile(
        rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({names})(?![\p{{L}}])"
        rf"(?:\s*/\s*[\p{{L}}]+(?:\s+[\p{{L}}]+)?)?\s*(?:,\s*)?(?:عام\s+|سنه\s+)?(\d{{4}})(?!\d)")
    return pat, months


_ISO_RE = regex.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_RE = regex.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")


def _valid(y: str, m: str | int, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def date_in_text(text: str, today: dt.date | None = None) -> dt.date | None:
    """The first full date (day, month, year) in the text that is not in the future:
    a dateline such as "بغداد - 12 تشرين الأول 2023" or "2023-10-12", "12/10/2023"."""
    today = today or dt.date.today()
    norm = normalize(text[:5000]).text
    pat, months = _month_pattern()
    found: list[tuple[int, dt.date]] = []
    for m in pat.finditer(norm):
        d = _valid(m.group(3), months[m.group(2)], m.group(1))
        if d:
            found.append((m.start(), d))
    for m in _ISO_RE.finditer(norm):
        d = _valid(m.group(1), m.group(2), m.group(3))
        if d:
            found.append((m.start(), d))
    for m in _DMY_RE.finditer(norm):  # day/month/year, the Arab order
        d = _valid(m.group(3), m.group(2), m.group(1))
        if d:
            found.append((m.start(), d))
    for _, d in sorted(found, key=lambda t: t[0]):
        if dt.date(1900, 1, 1) <= d <= today:
            return d
    return None


def parse_date(value: Any) -> dt.date | None:
    """A date from metadata: ``YYYY-MM-DD`` (time part ignored), a date, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        raise InputError(f"publication date {value!r} is not YYYY-MM-DD") from exc


# ------------------------------------------------------------------ the checks


def check_record(rec: ArticleRecord, today: dt.date | None = None) -> ArticleRecord:
    """Apply the document checks; a failing record comes back with status and error set."""
    if rec.status != "ok":
        return rec
    today = today or dt.date.today()
    text = rec.text or ""
    if not text.strip():
        return rec.failed("empty article: no text")
    if looks_like_html(text):
        return rec.failed("the text is HTML markup, not article text; save the page as .html "
                          "so rasd extracts the article from it")
    letters = len(LETTER_RE.findall(text))
    if letters < MIN_LETTERS:
        return rec.failed(f"too short to be an article ({letters} letters)")
    share = arabic_share(text)
    if share < MIN_ARABIC_SHARE:
        return rec.failed(f"not Arabic: {share:.0%} of the letters are Arabic", status="skipped")
    try:
        published = parse_date(rec.publication_date)
    except InputError as exc:
        return rec.failed(str(exc))
    if published and published > today:
        return rec.failed(f"publication date {published} is in the future (today is {today}); "
                          "fix or remove the date")
    if published:
        return replace(rec, publication_date=published.isoformat(), date_from="metadata")
    found = date_in_text(text, today)
    return replace(rec, publication_date=found.isoformat() if found else None,
                   date_from="text" if found else None)
