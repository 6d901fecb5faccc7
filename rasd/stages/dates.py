"""Stage: find and resolve every date expression, and date events (CODEBOOK §3).

Rules (publication date ``P``; ACLED codes the calendar day an event happened):

* Relative days: اليوم/فجر اليوم/مساء اليوم → P; أمس، الليلة الماضية، ليلة أمس → P-1;
  أول أمس/أمس الأول → P-2; غداً، الليلة المقبلة → future (never an event date).
  A weekday written with a relative word (أمس الأحد، اليوم السبت) wins over it:
  the date is that weekday nearest to the relative day, which absorbs a
  publication date stamped a day late or early.
* Weekdays: الاثنين، يوم الاثنين، مساء السبت → the most recent such day not after P
  (P's own weekday → P). With الماضي/الماضية the same weekday as P means a
  week before; with المقبل it is the next one (future).
* Nights: ليل الجمعة and مساء الجمعة are Friday. ليلة الجمعة is the night that
  ends on Friday morning, so it is dated Thursday (most of it falls before
  midnight, and Arabic usage names a night after the day that follows it).
  A night named by two days (ليل السبت الأحد، الليلة (الخميس الجمعة)) takes the first.
* Weeks (precision 2): a week runs from ``week_start`` (Saturday) for seven days;
  الأسبوع الماضي/الجاري/المقبل → its middle day (start + 3), the current week's
  middle never after P.
* Months (precision 3, the 15th): الشهر الماضي/الجاري، أكتوبر الماضي، شهر مارس،
  أكتوبر 2023. A part of a month (مطلع/منتصف/أواخر الشهر، نهاية أبريل) still only
  tells the month: precision 3, the 15th. The current month's 15th is clamped
  to P so a past event never lands after publication.
* Years: عام 2014، العام الماضي، في 2014 → kind "year", precision None, 1 July
  (clamped to P in P's year). A year alone never dates an event.
* Absolute dates: day number or ordinal word (masculine or feminine), optional
  من / شهر, a month name of any tradition, optionally doubled (آب/ أغسطس،
  تشرين الأول (أكتوبر)), an optional modifier and year → precision 1. Without a
  year: the most recent such date not later than P + 7 days (الماضي: not after
  P; المقبل: the next one; الجاري: P's year). السابع من الشهر الحالي/الماضي → that
  day of P's month or the one before. Numeric d/m/y and y/m/d with / - or . .
* Hijri dates (محرم … ذو الحجة with هـ/للهجرة or a 13xx/14xx year) are
  converted with hijridate; a Hijri month with a year only → its 15th, precision 3.
* Counts and times (2500 جندي، عشرين شخصاً، الساعة 10) are not dates: a day
  number needs a month after it and a bare year needs عام/سنة or في/منذ/خلال/حتى.
* A date more than one day after P is flagged ``future``; explicit future words
  are flagged whatever their date. Without P, absolute dates resolve and
  everything relative to P gets ``date=None``.

Kinds: absolute, numeric, hijri, relative, weekday, week, month, year.
"""
from __future__ import annotations

import datetime as dt

import regex

from rasd.dates.event import event_date, sentence_around
from rasd.dates.grammar import BRANCHES
from rasd.dates.resolve import Resolved, branch_of, resolve
from rasd.dates.tables import DateTables
from rasd.doc import DateMention, Document

__all__ = ["DateTables", "find_dates", "event_date", "sentence_around"]

# harakat, tanween and tatweel after the last letter belong to the word (غداً، 1445 هـ)
_MARKS = regex.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")


def _past_marks(text: str, end: int) -> int:
    found = _MARKS.match(text, end)
    return found.end() if found else end


def find_dates(doc: Document, tables: DateTables) -> tuple[DateMention, ...]:
    """Every date expression in ``doc.text``, with its original span, resolved against doc.published."""
    norm = doc.norm
    text = norm.text
    out: list[DateMention] = []
    done = 0  # end of the last expression: candidates inside it are skipped
    for cand in tables.starts.find(text):
        if cand < done:
            continue
        found = _read_at(tables, text, cand, doc.published)
        if found is None:
            continue
        m, got = found
        start, end = norm.span(m.start("e"), m.end("e"))
        out.append(DateMention(start, _past_marks(doc.text, end), got.date, got.precision, got.kind,
                               got.future))
        done = m.end()
    return tuple(out)


def _read_at(tables: DateTables, text: str, pos: int,
             published: dt.date | None) -> tuple[regex.Match, Resolved] | None:
    """The first reading of the grammar at ``pos`` that resolves to a date."""
    m = tables.pattern.match(text, pos)
    if m is None:
        return None
    got = resolve(m, text, published, tables)
    if got is not None:
        return m, got
    # turned down: let the branches after the one that matched read the same words
    first = BRANCHES.index(branch_of(m))
    for branch in tables.branches[first + 1:]:
        m = branch.match(text, pos)
        got = None if m is None else resolve(m, text, published, tables)
        if m is not None and got is not None:
            return m, got
    return None
