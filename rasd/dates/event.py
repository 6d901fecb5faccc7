"""Choosing the date of one event among the article's date mentions (CODEBOOK §3).

Order of scopes: the anchor span (the event's clause or trigger), then its
sentence, then the article, then the publication date with precision 2.
Within a scope a day-level expression beats a week, a week beats a month,
and a year-only expression is never used (it says too little to date an event
and is mostly background: "منذ عام 2014").
"""
from __future__ import annotations

import datetime as dt

import regex

from rasd.doc import DateMention, Document

# An article-level date older than this before publication looks like background
# (the 7 October attack recalled in a story about today's strike).
BACKGROUND_AGE = dt.timedelta(days=7)
# The lead: the dateline and first sentence carry the story's own date.
LEAD_CHARS = 300
_SENTENCE_END = regex.compile(r"[.!?؟\n]")


# A publication stamp ("2023-06-03" at the head, "السبت، 3 يونيو 2023 09:15") sits at the very
# top or alone on a short line: it dates the article, not an event, and is the publication date.
STAMP_HEAD = 20
STAMP_LINE_EXTRA = 40


def _is_stamp(doc: Document, d: DateMention) -> bool:
    if doc.published is None or d.date != doc.published or d.kind not in ("numeric", "absolute"):
        return False
    if d.start < STAMP_HEAD:
        return True
    line_start = doc.text.rfind("\n", 0, d.start) + 1
    line_end = doc.text.find("\n", d.end)
    line = doc.text[line_start:line_end if line_end >= 0 else len(doc.text)]
    return len(line.strip()) - (d.end - d.start) <= STAMP_LINE_EXTRA


def _usable(d: DateMention) -> bool:
    return d.date is not None and not d.future and d.precision is not None


def _inside(d: DateMention, span: tuple[int, int]) -> bool:
    return d.start < span[1] and span[0] < d.end


def _distance(d: DateMention, span: tuple[int, int]) -> int:
    if _inside(d, span):
        return 0
    return span[0] - d.end if d.end <= span[0] else d.start - span[1]


def _best(cands: list[DateMention], span: tuple[int, int]) -> DateMention | None:
    """The finest precision first; among equals the one nearest the span (then the earlier)."""
    if not cands:
        return None
    return min(cands, key=lambda d: (d.precision or 9, _distance(d, span), d.start))


def sentence_around(doc: Document, anchor: tuple[int, int]) -> tuple[int, int]:
    """The sentence holding ``anchor``: from doc.sentences, or cut at . ! ? and line ends."""
    for s in doc.sentences:
        if s.start <= anchor[0] < s.end:
            return s.start, max(s.end, anchor[1])
    text = doc.text
    start = anchor[0]
    while start > 0 and not _SENTENCE_END.match(text, start - 1):
        start -= 1
    found = _SENTENCE_END.search(text, anchor[1])
    return start, (found.start() if found else len(text))


def _article_date(doc: Document, anchor: tuple[int, int]) -> DateMention | None:
    """The nearest earlier day-level, non-background date; else the lead's."""
    def ok(d: DateMention) -> bool:
        if not _usable(d) or d.precision != 1:
            return False
        return doc.published is None or d.date >= doc.published - BACKGROUND_AGE  # type: ignore[operator]

    cands = [d for d in doc.dates if ok(d) and not _is_stamp(doc, d)]
    earlier = [d for d in cands if d.end <= anchor[0]]
    if earlier:
        return max(earlier, key=lambda d: d.end)
    lead = [d for d in cands if d.start < LEAD_CHARS]
    return lead[0] if lead else None


def event_date(doc: Document, anchor: tuple[int, int],
               sentence: tuple[int, int] | None = None) -> tuple[dt.date | None, int | None]:
    """The (date, date_precision) of the event stated at ``anchor`` (offsets into doc.text).

    ``doc.dates`` must be filled by :func:`rasd.stages.dates.find_dates`.
    """
    usable = [d for d in doc.dates if _usable(d) and not _is_stamp(doc, d)]
    found = _best([d for d in usable if _inside(d, anchor)], anchor)
    if found is None:
        scope = sentence or sentence_around(doc, anchor)
        found = _best([d for d in usable if _inside(d, scope)], anchor)
    if found is None:
        found = _article_date(doc, anchor)
    if found is not None:
        return found.date, found.precision
    if doc.published is not None:
        return doc.published, 2
    return None, None
