"""SQLite store: the default. One file, embedded, readable with the ``sqlite3`` tool.

Full text is an FTS5 table (``articles_fts``) over the normalised title and
text of each stored article.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import regex

from rasd.errors import StoreError
from rasd.store.core import SQLStore
from rasd.store.migrations import migrate

_TERM_RE = regex.compile(r"[\p{L}\p{N}]+")


class SqliteStore(SQLStore):
    dialect = "sqlite"

    def __init__(self, path: str | Path, migrate_schema: bool = True) -> None:
        super().__init__()
        self.path = str(path)
        try:
            # autocommit mode: transactions are explicit (BEGIN/COMMIT) in SQLStore.transaction
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        if migrate_schema:
            migrate(self)

    def _execute(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        try:
            cur = self.conn.execute(sql, tuple(params))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc} in: {sql[:200]}") from exc
        return [dict(r) for r in cur.fetchall()] if cur.description else []

    def script(self, sql: str) -> None:
        # statement by statement: executescript() would commit the open transaction
        buf = ""
        for line in sql.splitlines(keepends=True):
            buf += line
            if sqlite3.complete_statement(buf):
                self.x(buf)
                buf = ""
        if buf.strip() and not all(l.strip().startswith("--") or not l.strip()
                                   for l in buf.splitlines()):
            raise StoreError(f"incomplete SQL statement at the end of a script: {buf[:200]}")

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def index_text(self, article_id: str, body: str) -> None:
        self.x("INSERT INTO articles_fts (article_id, body) VALUES (?, ?)", (article_id, body))

    def _fts_clause(self, words: str) -> tuple[str, list[Any]]:
        # every word quoted: user input never reaches FTS5's query syntax
        terms = _TERM_RE.findall(words)
        query = " ".join(f'"{t}"' for t in terms) or '""'
        return "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?", [query]
