"""Reading data files with line numbers, so every problem names file:line:id."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from rasd.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Record:
    """One entry of a data file and where it stands."""

    data: dict[str, Any]
    path: Path
    line: int

    def where(self, key: str = "id") -> str:
        rel = self.path.relative_to(DATA_DIR) if self.path.is_relative_to(DATA_DIR) else self.path
        return f"{rel}:{self.line}:{self.data.get(key, '?')}"


def yaml_records(path: Path, list_key: str = "entries") -> list[Record]:
    """The items of the top-level list ``list_key`` (or of a top-level list) with line numbers."""
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise DataFileError([f"{path}: {exc}"]) from exc
    if root is None:
        return []
    seq = root
    if isinstance(root, yaml.MappingNode):
        seq = next((v for k, v in root.value if k.value == list_key), None)
        if seq is None:
            return []
    if not isinstance(seq, yaml.SequenceNode):
        raise DataFileError([f"{path}:{seq.start_mark.line + 1}: expected a list of entries"])
    loader = yaml.SafeLoader("")
    out = []
    for node in seq.value:
        data = loader.construct_document(node)
        if not isinstance(data, dict):
            raise DataFileError([f"{path}:{node.start_mark.line + 1}: entry is not a mapping"])
        out.append(Record(data, path, node.start_mark.line + 1))
    return out


def yaml_mapping(path: Path) -> dict[str, Any]:
    """A whole YAML file that is a mapping (tables such as month names)."""
    with path.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, dict):
        raise DataFileError([f"{path}:1: expected a mapping at top level"])
    return data


def tsv_records(path: Path) -> Iterator[Record]:
    """Rows of a TSV file with a header line; lines starting with # are comments."""
    with path.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].rstrip("\n").split("\t")
    for n, line in lines[1:]:
        values = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(values) != len(header):
            raise DataFileError([f"{path}:{n}: {len(values)} columns, header has {len(header)}"])
        yield Record(dict(zip(header, values)), path, n)
