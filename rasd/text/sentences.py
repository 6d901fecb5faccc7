"""Sentences of an Arabic news article, offset-true.

The text is read line by line (lines of the original text): a line break is
always a hard break. Each
non-blank line is one of

* ``caption``: it ends with a photo credit in brackets, ``(تويتر)``,
  ``(أ ف ب)`` (credits are data: ``rasd/data/abbreviations.yml``);
* ``bullet``: it starts with ``-``, ``•``, ``*`` or ``1.`` / ``1-`` / ``1)``;
  the bullet's sentences are all kind ``bullet`` and the first one includes
  the marker;
* ``heading``: at most :data:`HEADING_MAX_WORDS` words and no final
  punctuation; a heading is never split (``تونس.. مقتل جنود`` stays whole);
* ``body``: split after ``.``, ``!``, ``?``/``؟`` and ``;``/``؛`` (with any
  closing quotes or brackets) when white space or the line end follows, or
  after ``.`` glued to the next word (``الحدود.وقال``). Not after an
  abbreviation or an initial (``د.``، ``أ.ف.ب``), inside a number (``3.5``),
  at an ellipsis (``..``, ``...``, ``…``: in Arabic news these join more
  often than they end), or inside a quotation or bracket of at most
  :data:`SHORT_QUOTE` characters.

A dateline (``إيلاف من لندن:``, ``بغداد - رصد:``, ``بغداد (رويترز) -``) at the
start of the first body line becomes its own sentence of kind ``dateline``
(separator included), so the place it names is found at that span; the
article's first body sentence starts after it.

Spans exclude surrounding white space and take in harakat written after the
last letter. Matching runs on the normalised text; spans map back with
:func:`rasd.text.tokenize.original_span`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import regex

from rasd.doc import Sentence
from rasd.errors import DataFileError
from rasd.lexicon.load import DATA_DIR, yaml_mapping
from rasd.text.normalize import Normalized, normalize, normalize_form
from rasd.text.tokenize import original_span

LAYOUT_FILE = DATA_DIR / "abbreviations.yml"
HEADING_MAX_WORDS = 15
SHORT_QUOTE = 200

# Lines are found in the ORIGINAL text: the normaliser folds line breaks into
# spaces (so multi-word forms match across hard wraps).
_LINE_RE = regex.compile(r"[^\n\r\u2028\u2029\v\f\x1c-\x1e\x85]+")
_BULLET_RE = regex.compile(r"\s*(?:[•·▪◾●◦‣]\s*|[-*]\s+|\d{1,2} ?[.)\-]\s+)")
# (?r): matched backwards from the end of the line / the full stop, so the
# cost does not grow with the line length.
_CAPTION_RE = regex.compile(r"(?r)\(([^()]{1,40})\)\s*\.?\s*")
_FINAL_RE = regex.compile(r"(?r)[.!?;:…]['\")\]]*\s*")
# A boundary: the punctuation plus closing quotes/brackets, before white space
# or the line end; or a lone full stop glued between two Arabic words.
_TERM_RE = regex.compile(
    r"(?:[!?;]+|(?<!\.)\.(?!\.))['\")\]]*(?=\s|$)"
    r"|(?<=[\u0621-\u064a]{3})\.(?=[\u0621-\u064a]{2})"
)
_QUOTED_RE = regex.compile(rf"\"[^\"\n]{{1,{SHORT_QUOTE}}}\"|\([^()\n]{{1,{SHORT_QUOTE}}}\)")
_WORD_BEFORE_RE = regex.compile(r"(?r)[^\s(\"']+")
_INITIALS_RE = regex.compile(r"(?:\p{L}\.)*\p{L}")
_FIRST_WORD_RE = regex.compile(r"[^\s:\-/(]*")
_WORD = r"[^\s:;.!?\"()\d\-/]+"
_DATELINE_RES = (
    # بغداد (رويترز) -   /  (أ ف ب) -
    regex.compile(r"(?P<pre>[^()\n]{0,40}?)\((?P<agency>[^()]{1,25})\)(?: ?[-:,])?"),
    # إيلاف من لندن:   /  بغداد:
    regex.compile(rf"{_WORD}(?: {_WORD}){{0,2}} ?:(?= )"),
    # بغداد- معا-   /  بغداد - رصد:   /  شفق نيوز/
    regex.compile(rf"{_WORD}(?: {_WORD}){{0,2}} ?[-/](?: ?{_WORD}(?: {_WORD}){{0,2}} ?[-/:])?(?= )"),
    # a headline's topic label:  تونس..  /  مالي…
    regex.compile(rf"{_WORD}(?: {_WORD}){{0,2}} ?(?:\.\.+|…)(?= )"),
)


@dataclass(frozen=True, slots=True)
class LayoutTables:
    """Normalised abbreviations, caption credits and agency names."""

    abbreviations: frozenset[str]
    credits: frozenset[str]
    agencies: frozenset[str]
    not_datelines: frozenset[str]

    @classmethod
    def load(cls, path: Path = LAYOUT_FILE) -> "LayoutTables":
        data = yaml_mapping(path)
        problems: list[str] = []
        sets = {key: _form_set(path, key, data.get(key), problems)
                for key in ("abbreviations", "credits", "agencies", "not_datelines")}
        if problems:
            raise DataFileError(problems)
        return cls(**sets)


def _form_set(path: Path, key: str, forms: object, problems: list[str]) -> frozenset[str]:
    if not isinstance(forms, list) or not forms:
        problems.append(f"{path.name}:1:{key}: expected a non-empty list of strings")
        return frozenset()
    seen: set[str] = set()
    for form in forms:
        norm = normalize_form(str(form)).lower() if isinstance(form, str) else ""
        if not norm:
            problems.append(f"{path.name}:{key}:{form!r}: empty or not a string")
        elif norm in seen:
            problems.append(f"{path.name}:{key}:{form}: listed twice (after normalising)")
        seen.add(norm)
    return frozenset(seen)


@functools.cache
def layout_tables() -> LayoutTables:
    """The layout tables, loaded once."""
    return LayoutTables.load()


def split_sentences(text: str, norm: Normalized | None = None,
                    tables: LayoutTables | None = None) -> tuple[Sentence, ...]:
    """Sentences of ``text`` in order; pass ``norm`` when the caller already has it."""
    norm = norm if norm is not None else normalize(text)
    tables = tables if tables is not None else layout_tables()
    ntext = norm.text
    pieces: list[tuple[int, int, str]] = []
    seen_body = False
    for line in _LINE_RE.finditer(norm.original):
        start, end = _strip(ntext, norm.to_normalized(line.start()),
                            norm.to_normalized(line.end()))
        if start >= end:
            continue
        kind = _line_kind(ntext, start, end, tables)
        if kind == "heading":
            # "تونس.. مقتل جنود" / "مالي: مقتل 15 جنديا": the label names the topic, not a side
            label_end = _dateline_end(ntext, start, end, tables)
            if label_end is not None:
                pieces.append((start, label_end, "dateline"))
                start, end = _strip(ntext, label_end, end)
        if kind in ("heading", "caption"):
            pieces.append((start, end, kind))
            continue
        if kind == "bullet":
            marker = _BULLET_RE.match(ntext, start, end)
            pieces.extend(_split_body(ntext, start, end, marker.end() if marker else start,
                                      "bullet", tables))
            continue
        if not seen_body:
            seen_body = True
            dl_end = _dateline_end(ntext, start, end, tables)
            if dl_end is not None:
                pieces.append((start, dl_end, "dateline"))
                start, end = _strip(ntext, dl_end, end)
        pieces.extend(_split_body(ntext, start, end, start, "body", tables))
    return tuple(Sentence(*original_span(norm, s, e), kind) for s, e, kind in pieces if s < e)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_kind(text: str, start: int, end: int, tables: LayoutTables) -> str:
    line = text[start:end]
    cap = _CAPTION_RE.match(line)
    if cap is not None and _is_credit(cap.group(1), tables.credits):
        return "caption"
    if _BULLET_RE.match(line):
        return "bullet"
    if line.count(" ") < HEADING_MAX_WORDS and not _FINAL_RE.match(line):
        return "heading"
    return "body"


def _is_credit(inside: str, names: frozenset[str]) -> bool:
    """True when the bracket holds a credit, alone or with others ("أرشيفية - رويترز")."""
    parts = [p.strip() for p in regex.split(r"[-/,]", inside)]
    return inside.strip() in names or any(p in names for p in parts if p)


def _dateline_end(text: str, start: int, end: int, tables: LayoutTables) -> int | None:
    """End of a dateline at the start of the line, or None."""
    for i, pattern in enumerate(_DATELINE_RES):
        m = pattern.match(text, start, end)
        if m is None:
            continue
        if i == 0 and not _is_credit(m.group("agency"), tables.agencies):
            continue
        if i == 0 and regex.search(r"[.!?;]", m.group("pre")):
            continue
        if _FIRST_WORD_RE.match(text, m.start()).group() in tables.not_datelines:
            return None  # "قال المتحدث: ..." is speech, not a dateline
        # a dateline is a label: the sentence must go on after it, and not as a quotation
        if text.count(" ", m.end(), end) < 2 or text.startswith(('"', " \""), m.end()):
            return None
        return m.end()
    return None


def _split_body(text: str, start: int, end: int, first: int, kind: str,
                tables: LayoutTables) -> list[tuple[int, int, str]]:
    """Sentences of one line ``text[start:end]``; no boundary before ``first``."""
    quoted = [(q.start(), q.end()) for q in _QUOTED_RE.finditer(text, start, end)]
    out: list[tuple[int, int, str]] = []
    cur = start
    for m in _TERM_RE.finditer(text, first, end):
        b = m.end()
        if any(qs < m.start() and b < qe for qs, qe in quoted):
            continue
        if text[m.start()] == "." and _after_abbreviation(text, cur, m.start(), tables):
            continue
        s, e = _strip(text, cur, b)
        if s < e:
            out.append((s, e, kind))
        cur = b
    s, e = _strip(text, cur, end)
    if s < e:
        out.append((s, e, kind))
    return out


def _after_abbreviation(text: str, cur: int, dot: int, tables: LayoutTables) -> bool:
    word = _WORD_BEFORE_RE.match(text, cur, dot)
    if word is None:
        return False
    w = word.group()
    return w in tables.abbreviations or _INITIALS_RE.fullmatch(w) is not None
