"""Turning one grammar match into a resolved date.

Each ``_branch`` function returns ``Resolved`` or None when the match is not a
date after all (a month name with no cue, a bare four-digit count, اليوم in
"اليوم التالي"). The rules are documented in :mod:`rasd.stages.dates`.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

import regex
from hijridate import Gregorian, Hijri

from rasd.dates.tables import DateTables

# a date without a year may lie this far after publication and still be this year's
YEARLESS_MARGIN = dt.timedelta(days=7)
_PREV_WORD = regex.compile(r"(\p{L}+)[\s\p{P}]*$")
_NEXT_WORD = regex.compile(r"\s*(\p{L}+)")


@dataclass(frozen=True, slots=True)
class Resolved:
    date: dt.date | None
    precision: int | None
    kind: str
    future: bool = False


@dataclass(frozen=True, slots=True)
class Ctx:
    m: regex.Match
    text: str
    pub: dt.date | None
    t: DateTables

    def g(self, name: str) -> str | None:
        # a branch pattern alone (see grammar.compile_grammar) lacks the other branches' groups
        return self.m.group(name) if name in self.m.re.groupindex else None

    def has(self, name: str) -> bool:
        return self.g(name) is not None

    def prev_word(self) -> str:
        found = _PREV_WORD.search(self.text, max(0, self.m.start("e") - 30), self.m.start("e"))
        return found.group(1) if found else ""

    def after(self, words: frozenset[str]) -> bool:
        """Whether the word before the expression is one of ``words`` (وفي counts as في)."""
        prev = self.prev_word()
        return prev in words or (prev[:1] in ("و", "ف") and prev[1:] in words)

    def next_word(self) -> str:
        found = _NEXT_WORD.match(self.text, self.m.end("e"), self.m.end("e") + 30)
        return found.group(1) if found else ""

    def mod(self, name: str = "mod") -> int | None:
        word = self.g(name)
        return None if word is None else self.t.modifiers[_key(word)]

    def day(self) -> int:
        if self.has("day"):
            return int(self.g("day") or 0)
        return self.t.ordinals[_key(self.g("ord") or "")]


def _key(matched: str) -> str:
    """The table key of a matched word (the grammar lets any white space run stand for one space)."""
    return " ".join(matched.split())


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _yearless(pub: dt.date, month: int, day: int, direction: int | None) -> dt.date | None:
    """The (month, day) nearest publication in the direction a modifier gives."""
    this = _safe_date(pub.year, month, day)
    if this is None:  # 29 February or a day the month does not have
        return None
    if direction == 1:
        return this if this > pub else _safe_date(pub.year + 1, month, day)
    if direction == 0:
        return this
    limit = pub if direction == -1 else pub + YEARLESS_MARGIN
    return this if this <= limit else _safe_date(pub.year - 1, month, day)


def _month_year(pub: dt.date, month: int, direction: int | None) -> int:
    """The year of a month named without one (أكتوبر الماضي، مارس المقبل، في مايو)."""
    if direction == 1:
        return pub.year if month > pub.month else pub.year + 1
    if direction == 0:
        return pub.year
    if direction == -1:
        return pub.year if month < pub.month else pub.year - 1
    return pub.year if month <= pub.month else pub.year - 1


def _mid_month(y: int, m: int, pub: dt.date | None) -> dt.date:
    """The 15th (ACLED's month date), never after publication within the publication month."""
    mid = dt.date(y, m, 15)
    return pub if pub is not None and pub.year == y and pub.month == m and pub < mid else mid


def _numeric(c: Ctx) -> Resolved | None:
    date = _safe_date(int(c.g("ny") or 0), int(c.g("nm") or 0), int(c.g("nd") or 0))
    if date is None or not 1900 <= date.year <= 2100:
        return None
    return Resolved(date, 1, "numeric")


def _hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Umm al-Qura conversion; a 30th in a 29-day month (sighting differs) is the next day."""
    last = Hijri(year, month, 1).month_length()
    base = Hijri(year, month, min(day, last)).to_gregorian()
    return base + dt.timedelta(days=max(0, day - last))


def _hijri(c: Ctx) -> Resolved | None:
    month = c.t.hijri_months[_key(c.g("hmon") or "")]
    has_day = c.has("day") or c.has("ord")
    day = c.day() if has_day else 15
    precision = 1 if has_day else 3
    try:
        if c.has("hyear"):
            return Resolved(_hijri_to_gregorian(int(c.g("hyear") or 0), month, day), precision, "hijri")
        if c.pub is None:
            return Resolved(None, None, "hijri")
        hy = Gregorian(c.pub.year, c.pub.month, c.pub.day).to_hijri().year
        date = _hijri_to_gregorian(hy, month, day)
        if date > c.pub + YEARLESS_MARGIN:
            date = _hijri_to_gregorian(hy - 1, month, day)
    except (ValueError, OverflowError):
        return Resolved(None, None, "hijri")
    return Resolved(date, precision, "hijri")


def _explicit_year(c: Ctx) -> int | None:
    """The year written after a month (2023, عام 2023, من العام الماضي); None when absent."""
    if c.has("year"):
        return int(c.g("year") or 0)
    if c.has("ymod") and c.pub is not None:
        return c.pub.year + (c.mod("ymod") or 0)
    return None


def _absolute(c: Ctx) -> Resolved | None:
    month, day = c.t.months[_key(c.g("mon") or "")], c.day()
    year = _explicit_year(c)
    if year is not None:
        date = _safe_date(year, month, day)
        return None if date is None else Resolved(date, 1, "absolute")
    if c.pub is None:
        return Resolved(None, None, "absolute", c.mod() == 1)
    date = _yearless(c.pub, month, day, c.mod())
    return None if date is None else Resolved(date, 1, "absolute", c.mod() == 1)


def _of_month(c: Ctx) -> Resolved | None:
    direction = c.mod() or 0
    if c.has("bare") and direction != 0:
        return None  # "20 الجاري" is a date; "3 الماضية" (الأيام الـ3 الماضية) is not
    if c.pub is None:
        return Resolved(None, None, "relative", direction == 1)
    y, m = divmod(c.pub.year * 12 + c.pub.month - 1 + direction, 12)
    date = _safe_date(y, m + 1, c.day())
    return None if date is None else Resolved(date, 1, "relative", direction == 1)


def _month(c: Ctx) -> Resolved | None:
    cued = any(c.has(g) for g in ("pos", "mw", "mod", "year", "ymod", "mon2"))
    if not cued and not c.after(c.t.words["cues"]):
        return None  # a lone month name: مارس "he practised", آب "father", نيسان the car maker
    month = c.t.months[_key(c.g("mon") or "")]
    year = _explicit_year(c)
    if year is None:
        if c.pub is None:
            return Resolved(None, None, "month", c.mod() == 1)
        year = _month_year(c.pub, month, c.mod())
    if not 1900 <= year <= 2100:
        return None
    return Resolved(_mid_month(year, month, c.pub), 3, "month", c.mod() == 1)


def _period(c: Ctx) -> Resolved | None:
    if not (c.has("pos") or c.has("dem") or c.has("mod")):
        return None
    unit = c.t.units[_key(c.g("unit") or "")]
    direction = c.mod() or 0
    kind = unit
    if c.pub is None:
        return Resolved(None, None, kind, direction == 1)
    pub = c.pub
    if unit == "week":
        start = pub - dt.timedelta(days=(pub.weekday() - c.t.week_start) % 7)
        date = start + dt.timedelta(days=7 * direction + 3)
        return Resolved(min(date, pub) if direction == 0 else date, 2, kind, direction == 1)
    if unit == "month":
        y, m = divmod(pub.year * 12 + pub.month - 1 + direction, 12)
        return Resolved(_mid_month(y, m + 1, pub), 3, kind, direction == 1)
    date = dt.date(pub.year + direction, 7, 1)
    return Resolved(min(date, pub) if direction == 0 else date, None, "year", direction == 1)


def _weekday_date(c: Ctx, anchor: dt.date, target: int, direction: int | None,
                  near: bool) -> dt.date:
    if near:
        # a relative word names the day too (أمس الأحد): the weekday nearest to it wins,
        # but a past word never lands more than a day after publication
        delta = (target - anchor.weekday()) % 7
        ahead = anchor + dt.timedelta(days=delta)
        late = c.pub is not None and direction != 1 and ahead > c.pub + dt.timedelta(days=1)
        return ahead if delta <= 3 and not late else ahead - dt.timedelta(days=7)
    if direction == 1:
        return anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    back = (anchor.weekday() - target) % 7
    if direction == -1 and back == 0:
        back = 7  # الجمعة الماضية said on a Friday is last week's Friday
    return anchor - dt.timedelta(days=back)


def _relative(c: Ctx) -> Resolved | None:
    rel = c.t.relative.get(_key(c.g("rel") or "")) if c.has("rel") else None
    wd = c.g("wd")
    if rel is not None and wd is None and c.next_word() in c.t.rel_not_followed:
        return None
    if rel is not None and c.m.start("rel") == c.m.start("e") and c.after(c.t.rel_not_preceded):
        return None
    if wd is not None and c.after(c.t.wd_not_preceded):
        return None
    kind = "relative" if rel is not None else "weekday"
    future = bool(rel and rel.future) or c.mod() == 1
    if c.pub is None:
        return Resolved(None, None, kind, future)
    anchor = c.pub + dt.timedelta(days=rel.offset if rel else 0)
    if wd is None:
        date = anchor
    else:
        target = c.t.weekdays[_key(wd)]
        if c.has("part") and c.t.parts[_key(c.g("part") or "")] and not c.has("wd2"):
            target = (target - 1) % 7  # ليلة الجمعة: the night before Friday, Thursday's date
        direction = 1 if rel is not None and rel.future else c.mod()
        date = _weekday_date(c, anchor, target, direction, near=rel is not None)
    return Resolved(date, 1, kind, future)


def _year(c: Ctx) -> Resolved | None:
    year = int(c.g("year") or 0)
    if not (c.has("yw") or c.has("pos") or c.after(c.t.words["cues"])):
        return None  # 2500 جندي, نحو 2000 عنصر: a count, not a year
    if not 1900 <= year <= 2100:
        return None
    date = dt.date(year, 7, 1)
    if c.pub is not None and year == c.pub.year:
        date = min(date, c.pub)
    return Resolved(date, None, "year")


RESOLVERS: dict[str, Callable[[Ctx], Resolved | None]] = {
    "b_num": _numeric, "b_hij": _hijri, "b_abs": _absolute, "b_ofm": _of_month,
    "b_mon": _month, "b_per": _period, "b_rel": _relative, "b_year": _year,
}


def branch_of(m: regex.Match) -> str:
    """The name of the grammar branch that produced ``m``."""
    return next(b for b in RESOLVERS if b in m.re.groupindex and m.group(b) is not None)


def resolve(m: regex.Match, text: str, pub: dt.date | None, tables: DateTables) -> Resolved | None:
    """The date a grammar match stands for, or None when it is not a date."""
    branch = branch_of(m)
    out = RESOLVERS[branch](Ctx(m, text, pub, tables))
    if out is None or out.date is None or pub is None:
        return out
    if out.date > pub + dt.timedelta(days=1) and not out.future:
        out = Resolved(out.date, out.precision, out.kind, True)
    return out
