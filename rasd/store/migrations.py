"""Versioned schema migrations.

Migrations are plain SQL files in ``rasd/store/sql/<dialect>/NNNN_name.sql``,
one folder per database kind with the same numbers and the same tables. The
``schema_version`` table records which ones ran; each runs in its own
transaction, so a failed migration leaves the previous version in place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rasd.errors import StoreError

if TYPE_CHECKING:
    from rasd.store.core import SQLStore

SQL_DIR = Path(__file__).resolve().parent / "sql"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def migrations(dialect: str) -> list[Migration]:
    """The migrations of one dialect, in version order."""
    folder = SQL_DIR / dialect
    out = []
    for p in sorted(folder.glob("*.sql")):
        number, _, name = p.stem.partition("_")
        if not number.isdigit():
            raise StoreError(f"{p}: migration file names start with a number (0001_name.sql)")
        out.append(Migration(int(number), name, p))
    versions = [m.version for m in out]
    if versions != list(range(1, len(out) + 1)):
        raise StoreError(f"{folder}: migration numbers must run 1, 2, 3 … without gaps: {versions}")
    return out


def current_version(store: "SQLStore") -> int:
    rows = store.q("SELECT MAX(version) AS v FROM schema_version")
    return int(rows[0]["v"] or 0)


def migrate(store: "SQLStore", target: int | None = None) -> list[int]:
    """Apply pending migrations up to ``target`` (default: all). Returns the versions applied."""
    store.x("CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    done = current_version(store)
    known = migrations(store.dialect)
    if done > len(known):
        raise StoreError(f"database schema is version {done}, newer than this rasd ({len(known)}); "
                         "upgrade rasd")
    applied = []
    for m in known:
        if m.version <= done or (target is not None and m.version > target):
            continue
        with store.transaction():
            store.script(m.sql())
            store.x("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                    (m.version, m.name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        applied.append(m.version)
    return applied
