"""PostgreSQL store (``--db postgresql://…``) through psycopg 3.

Same schema and behaviour as SQLite; full text is a ``tsvector`` column with
the 'simple' configuration (no stemming: Arabic words are matched as the
normaliser writes them).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg.rows import dict_row

from rasd.errors import StoreError
from rasd.store.core import SQLStore
from rasd.store.migrations import migrate


class PostgresStore(SQLStore):
    dialect = "postgres"

    def __init__(self, url: str, schema: str | None = None, migrate_schema: bool = True) -> None:
        super().__init__()
        self.url = url
        self.schema = schema
        options = {"options": f"-c search_path={schema}"} if schema else {}
        try:
            self.conn = psycopg.connect(url, autocommit=True, row_factory=dict_row,
                                        connect_timeout=10, **options)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL ({_redact(url)}): {exc}") from exc
        if migrate_schema:
            migrate(self)

    def _execute(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        try:
            cur = self.conn.execute(sql.replace("?", "%s") if params else sql,
                                    tuple(params) if params else None)
        except psycopg.Error as exc:
            raise StoreError(f"PostgreSQL: {exc} in: {sql[:200]}") from exc
        return list(cur.fetchall()) if cur.description else []

    def script(self, sql: str) -> None:
        self.x(sql)  # no parameters: psycopg sends it as one multi-statement query

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def index_text(self, article_id: str, body: str) -> None:
        self.x("INSERT INTO articles_fts (article_id, body) VALUES (?, to_tsvector('simple', ?))",
               (article_id, body))

    def _fts_clause(self, words: str) -> tuple[str, list[Any]]:
        return ("SELECT article_id FROM articles_fts WHERE body @@ plainto_tsquery('simple', ?)",
                [words])


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        return f"{scheme}://{creds.split(':', 1)[0]}:***@{host}"
    return url
