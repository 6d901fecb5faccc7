"""The number-word table (``rasd/data/numbers.yml``) and the grammar that joins words.

Arabic writes compound numbers high to low except that units come before
tens: ``مئة وخمسة وعشرون`` = 100 + 5 + 20; ``ثلاثة عشر`` = 3 + 10;
``ثلاث مئة`` = 3 × 100; ``خمسة وعشرين ألفاً`` = 25 × 1000; ``ألفين وخمسمئة`` =
2000 + 500. :func:`split_numbers` reads a run of number words and cuts it
where the grammar says a new number begins (``ثلاثة خمسة`` is two numbers).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import yaml

from rasd.errors import DataFileError
from rasd.text.normalize import normalize_form

# Sections of numbers.yml that hold number words, and their grammatical role.
NUMBER_CATEGORIES = ("units", "teens", "ten", "tens", "hundred", "hundreds", "scales",
                     "plural_scales", "scale_duals")
_VALUE_SECTIONS = NUMBER_CATEGORIES + ("vague", "dual_nouns")
_LIST_SECTIONS = ("vague_of", "single_nouns", "not_before_single", "one_of", "people",
                  "not_after", "not_before", "not_with_article", "ordinals")


class NumberWord(NamedTuple):
    cat: str
    value: int


class WordSpan(NamedTuple):
    word: str
    start: int
    end: int


class Found(NamedTuple):
    """Words ``first``..``last`` (exclusive) of a run make one number."""

    first: int
    last: int
    value: int
    vague: bool


def load_number_data(path: Path) -> dict[str, Any]:
    """The normalised tables of ``path``; every problem is reported as file:line:form."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError([f"{path.name}: {exc}"]) from exc
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError([f"{path.name}:1: expected a mapping of sections"])
    sections = {k.value: v for k, v in root.value}
    problems: list[str] = []
    words: dict[str, NumberWord] = {}
    out: dict[str, Any] = {}
    for name in _VALUE_SECTIONS:
        table = _value_section(path, name, sections.get(name), problems)
        if name in NUMBER_CATEGORIES:
            for form, value in table.items():
                if form in words:
                    problems.append(f"{path.name}:{name}:{form}: also in {words[form].cat}")
                words[form] = NumberWord(name, value)
        else:
            out[name] = table
    for name in _LIST_SECTIONS:
        out[name] = _list_section(path, name, sections.get(name), problems)
    if problems:
        raise DataFileError(problems)
    out["words"] = words
    return out


def _value_section(path: Path, name: str, node: Any, problems: list[str]) -> dict[str, int]:
    if not isinstance(node, yaml.MappingNode):
        problems.append(f"{path.name}:{_line(node)}:{name}: expected a mapping form: value")
        return {}
    table: dict[str, int] = {}
    for k, v in node.value:
        where = f"{path.name}:{k.start_mark.line + 1}:{k.value}"
        form = normalize_form(k.value)
        if not v.value.isdigit() or int(v.value) <= 0:
            problems.append(f"{where}: value must be a positive whole number")
        elif not form or form in table:
            problems.append(f"{where}: empty or listed twice (after normalising)")
        else:
            table[form] = int(v.value)
    return table


def _list_section(path: Path, name: str, node: Any, problems: list[str]) -> frozenset[str]:
    if not isinstance(node, yaml.SequenceNode):
        problems.append(f"{path.name}:{_line(node)}:{name}: expected a list of forms")
        return frozenset()
    forms: set[str] = set()
    for item in node.value:
        form = normalize_form(str(item.value))
        if not form or form in forms:
            problems.append(f"{path.name}:{item.start_mark.line + 1}:{item.value}: "
                            "empty or listed twice (after normalising)")
        forms.add(form)
    return frozenset(forms)


def _line(node: Any) -> int:
    return node.start_mark.line + 1 if node is not None else 1


class _Acc:
    """One number being read; :meth:`add` says False when a word cannot continue it."""

    def __init__(self) -> None:
        self.total = self.h = self.u = self.t = self.n = 0
        self.last_scale = 10 ** 15
        self.vague = False

    def value(self) -> int:
        return self.total + self.h + self.u + self.t

    def add(self, w: NumberWord, joined: bool) -> bool:
        if self.vague:
            return False  # a bare آلاف stands alone
        ok = getattr(self, "_" + w.cat)(w.value, joined)
        self.n += ok
        return ok

    def _units(self, v: int, joined: bool) -> bool:
        if self.u or self.t:
            return False
        self.u = v
        return True

    _teens = _units

    def _ten(self, v: int, joined: bool) -> bool:
        if self.t or self.u >= 10 or (self.u and joined):
            return False
        self.u += v  # ثلاثة عشر, or عشرة alone
        return True

    def _tens(self, v: int, joined: bool) -> bool:
        if self.t or self.u >= 10:
            return False
        self.t = v
        return True

    def _hundred(self, v: int, joined: bool) -> bool:
        if self.h or self.t or self.u >= 10 or (self.u and joined):
            return False
        self.h, self.u = (self.u or 1) * v, 0  # ثلاث مئة, or مئة alone
        return True

    def _hundreds(self, v: int, joined: bool) -> bool:
        if self.h or self.u or self.t:
            return False
        self.h = v
        return True

    def _scales(self, v: int, joined: bool) -> bool:
        if v >= self.last_scale:
            return False
        group = self.h + self.u + self.t
        self.total += (group or 1) * v
        self.h = self.u = self.t = 0
        self.last_scale = v
        return True

    def _plural_scales(self, v: int, joined: bool) -> bool:
        if self.h + self.u + self.t == 0:
            if self.n:
                return False
            self.vague = True  # آلاف alone: "thousands"
        return self._scales(v, joined)

    def _scale_duals(self, v: int, joined: bool) -> bool:
        if self.h or self.u or self.t or v // 2 >= self.last_scale:
            return False
        self.total += v
        self.last_scale = v // 2
        return True


def split_numbers(spans: list[WordSpan], words: dict[str, NumberWord]) -> list[Found]:
    """Cut a run of number words into numbers; unknown words end a number.

    A two-word table entry (the teens أحد عشر, اثنتا عشرة) is read as one word.
    """
    found: list[Found] = []
    acc, first, i = _Acc(), 0, 0
    while i < len(spans):
        word, joined, width = _lookup(spans, i, words, i > first)
        if word is None or not acc.add(word, joined):
            if acc.n:
                found.append(Found(first, i, acc.value(), acc.vague))
            acc, first = _Acc(), i
            if word is None or not acc.add(word, False):
                acc, first = _Acc(), i + width
        i += width
    if acc.n:
        found.append(Found(first, len(spans), acc.value(), acc.vague))
    return found


def _lookup(spans: list[WordSpan], i: int, words: dict[str, NumberWord], later: bool
            ) -> tuple[NumberWord | None, bool, int]:
    """The number word at ``spans[i]`` (maybe two words), whether و joined it, its width."""
    word = spans[i].word
    joined = False
    if later and word.startswith("و") and word not in words:
        word, joined = word[1:], True  # واحد is itself a word
    if i + 1 < len(spans):
        pair = words.get(f"{word} {spans[i + 1].word}")
        if pair is not None:
            return pair, joined, 2
    return words.get(word), joined, 1
