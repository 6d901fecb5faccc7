"""The date grammar: one compiled ``regex`` alternation built from the tables.

It runs over the *normalised* text (alef/hamza/ta marbuta folded, digits in
0-9). Branches are tried in order at each position, so longer readings come
first: an absolute date with its lead-in weekday ("فجر الجمعة 20 أكتوبر 2023")
before the bare weekday, a Hijri date before a Gregorian month name, and so on.
Each branch starts with an empty marker group (``b_*``) that tells
:mod:`rasd.dates.resolve` which reading matched; groups that carry values
(``day``, ``ord``, ``mon``, ``mod``, ``year`` …) share names across branches,
which the ``regex`` module allows.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import ahocorasick_rs
import regex

from rasd.dates.tables import word_pattern

if TYPE_CHECKING:
    from rasd.dates.tables import DateTables

WE = r"(?![\p{L}\p{N}])"  # word end
SEP = r"\s*,?\s*"  # an optional comma between parts
BRANCHES = ("b_num", "b_hij", "b_abs", "b_ofm", "b_mon", "b_per", "b_rel", "b_year")


def _alternations(t: "DateTables") -> dict[str, str]:
    w = t.words
    return {
        "PART": word_pattern(t.parts),
        "REL": word_pattern(t.relative),
        "WD": word_pattern(t.weekdays),
        "MOD": word_pattern(t.modifiers),
        "MON": word_pattern(t.months),
        "HMON": word_pattern(t.hijri_months),
        "ORD": word_pattern(t.ordinals),
        "POS": word_pattern(t.positions),
        "UNIT": word_pattern(t.units),
        "UMONTH": word_pattern(t.forms_of("month")),
        "UYEAR": word_pattern(t.forms_of("year")),
        "DEM": word_pattern(w["demonstratives"]),
        "YW": word_pattern(w["year_words"]),
        "MW": word_pattern(w["month_words"]),
        "DW": word_pattern(w["day_words"]),
        "CONN": word_pattern(w["connectors"]),
        "HERA": word_pattern(w["hijri_era"]),
        "GERA": word_pattern(w["gregorian_era"]),
        "EQ": word_pattern(w["equals"]),
    }


def _pieces(a: dict[str, str]) -> dict[str, str]:
    """Sub-patterns shared by several branches."""
    # a weekday may be glued to its modifier (الثلاثاءالماضي), a common typing slip
    wdx = (rf"(?:(?P<wdo>[(/])\s*)?(?P<wd>{a['WD']})(?:{WE}|(?=(?:{a['MOD']}){WE}))"
           rf"(?:(?:\s*[-/]\s*|\s+)(?P<wd2>{a['WD']}){WE})?(?(wdo)\s*[)/]|)")
    # words that may stand before an absolute date and add nothing to it
    lead = (rf"(?:(?:{a['PART']})\s+)?(?:(?:{a['DW']})\s+)?(?:(?:{a['REL']}){WE}{SEP})?"
            rf"(?:(?:[(/]\s*)?(?:{a['WD']}){WE}(?:\s*[)/])?{SEP})?(?:(?:{a['DW']})\s+)?"
            rf"(?:(?:{a['EQ']})\s*)?")
    day = rf"(?:(?P<day>(?:[12]\d|3[01]|0?[1-9]))(?!\d)|(?P<ord>{a['ORD']}){WE})"
    mong = (rf"(?P<mon>{a['MON']}){WE}"
            rf"(?:\s*[/(\-]\s*(?P<mon2>{a['MON']}){WE}(?:\s*\))?)?")
    mod = rf"(?:\s*(?P<mod>{a['MOD']}){WE})?"
    year = (rf"(?:{SEP}(?:(?:{a['CONN']})\s+)?(?:(?P<yw>{a['YW']})\s+)?(?P<year>\d{{4}})(?!\d)"
            rf"(?:\s*(?:{a['GERA']}){WE})?"
            rf"|\s+(?:(?:{a['CONN']})\s+)?(?:{a['UYEAR']})\s+(?P<ymod>{a['MOD']}){WE})?")
    # a Hijri year: 1445 هـ, or a bare 13xx/14xx number (no Gregorian year looks like one)
    hyear = (rf"{SEP}(?:(?:{a['YW']})\s+)?(?:(?P<hyear>\d{{4}})(?!\d)\s*(?P<hera>{a['HERA']}){WE}"
             rf"|(?P<hyear>1[34]\d\d)(?!\d))")
    return {"wdx": wdx, "lead": lead, "day": day, "mong": mong, "mod": mod, "year": year, "hyear": hyear}


def _branches(a: dict[str, str]) -> list[str]:
    p = _pieces(a)
    wdx, lead, day, mong = p["wdx"], p["lead"], p["day"], p["mong"]
    mod, year, hyear = p["mod"], p["year"], p["hyear"]
    return [
        # 20/10/2023, 20-10-2023, 20.10.2023; 2023-10-20, 2023/10/20
        r"(?P<b_num>)(?<![./\-])(?:(?P<nd>\d{1,2})(?P<sep>[/.\-])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4})"
        r"|(?P<ny>\d{4})(?P<sep>[/.\-])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2}))(?![./\-]?\d)",
        # ١٥ رمضان ١٤٤٥ هـ, رمضان 1445 هـ
        rf"(?P<b_hij>){lead}(?:{day}\s*(?:(?:{a['CONN']})\s+)?(?:(?:{a['MW']})\s+)?"
        rf"(?P<hmon>{a['HMON']}){WE}(?:{hyear})?|(?:(?:{a['MW']})\s+)?(?P<hmon>{a['HMON']}){WE}{hyear})",
        # (فجر الجمعة) 20 أكتوبر 2023, السابع من آب/ أغسطس الماضي
        rf"(?P<b_abs>){lead}(?P<lp>\()?\s*{day}\s*(?:(?:{a['CONN']})\s+)?(?:(?:{a['MW']})\s+)?"
        rf"{mong}{mod}{year}(?(lp)(?:\s*\))?|)",
        # السابع من الشهر الحالي, 7 من هذا الشهر
        # and the Levantine short form: في 20 الجاري (the month is understood)
        rf"(?P<b_ofm>){lead}{day}\s+(?:(?:(?:{a['CONN']})\s+)?(?:(?:{a['DEM']})\s+)?(?:{a['UMONTH']}){WE}{mod}"
        rf"|(?P<bare>)(?P<mod>{a['MOD']}){WE})",
        # (أواخر) (شهر) أكتوبر (الماضي) (2023)
        rf"(?P<b_mon>)(?:(?P<pos>{a['POS']})\s+)?(?:(?P<mw>{a['MW']})\s+)?{mong}{mod}{year}",
        # الأسبوع الماضي, مطلع الشهر الجاري, هذا العام
        rf"(?P<b_per>)(?:(?P<pos>{a['POS']})\s+(?:(?P<dem>{a['DEM']})\s+)?(?P<unit>{a['UNIT']}){WE}{mod}"
        rf"|(?P<dem>{a['DEM']})\s+(?P<unit>{a['UNIT']}){WE}{mod}"
        rf"|(?P<unit>{a['UNIT']}){WE}\s*(?P<mod>{a['MOD']}){WE})",
        # فجر اليوم, مساء أمس الأحد, يوم الاثنين الماضي, ليل السبت الأحد
        rf"(?P<b_rel>)(?:(?P<part>{a['PART']})\s+)?(?:(?:{a['DW']})\s+)?"
        rf"(?:(?P<rel>{a['REL']}){WE}(?:{SEP}{wdx})?|{wdx}{mod})",
        # عام 2014, في 2014 (the cue is checked in resolve), مطلع عام 2023
        rf"(?P<b_year>)(?:(?P<pos>{a['POS']})\s+)?(?:(?P<yw>{a['YW']})\s+)?(?P<year>\d{{4}})(?!\d)"
        rf"(?:\s*(?:{a['GERA']}){WE})?",
    ]


def _wrap(body: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:[وف]?ب?(?=\S))?(?P<e>{body})", regex.V0)


def compile_grammar(tables: "DateTables") -> tuple[regex.Pattern, tuple[regex.Pattern, ...]]:
    """The whole grammar as one pattern, and each branch alone.

    Group ``e`` is the expression without a leading clitic (و ف ب). The single
    pattern does the work; the branch patterns are for the rare match that
    :mod:`rasd.dates.resolve` turns down, so a later branch can still read the
    same words (العام in "العام 2022" is not a period, but the year is a year).
    """
    branches = _branches(_alternations(tables))
    return _wrap("|".join(branches)), tuple(_wrap(b) for b in branches)


class Starts:
    """Where an expression may begin, found with Aho-Corasick over the normalised text.

    Trying the full grammar at every character is slow (every branch opens with
    optional word groups), so the automaton finds the words that can open an
    expression (with a clitic و ف ب before them), digits and ( / ; the grammar
    is then tried only there with ``match``.
    """

    CLITICS = frozenset({"", "و", "ف", "ب", "وب", "فب"})

    def __init__(self, tables: "DateTables"):
        firsts: set[str] = set("0123456789(/")
        w = tables.words
        for table in (tables.months, tables.hijri_months, tables.weekdays, tables.relative,
                      tables.parts, tables.ordinals, tables.positions, tables.units,
                      w["demonstratives"], w["year_words"], w["month_words"], w["day_words"]):
            firsts.update(form.split()[0] for form in table)
        self.patterns = sorted(firsts)
        self._ac = ahocorasick_rs.AhoCorasick(self.patterns)

    def find(self, text: str) -> list[int]:
        """Sorted candidate start offsets in ``text`` (normalised)."""
        out: set[int] = set()
        for i, s, _ in self._ac.find_matches_as_indexes(text, overlapping=True):
            first = self.patterns[i]
            if first.isdigit() or first in "(/":
                if not (s and text[s - 1].isdigit()):
                    out.add(s)
                continue
            j = s  # the grammar checks the word end (a weekday may be glued to الماضي)
            while j and text[j - 1].isalpha():
                j -= 1
            if text[j:s] in self.CLITICS:
                out.add(j)
        return sorted(out)
