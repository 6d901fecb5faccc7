"""Event stores: SQLite (default, a file) and PostgreSQL, with one schema.

``open_store(url)`` accepts ``sqlite:///relative.sqlite``, ``sqlite:////abs/path``,
a plain file path, or ``postgresql://user:pass@host/db``. Without a URL it uses
``$RASD_DB``, else ``sqlite:///rasd.sqlite`` in the current folder.
"""
from __future__ import annotations

import os

from rasd.store.base import EventStore
from rasd.store.core import EventFilter, SQLStore

__all__ = ["DEFAULT_DB", "EventFilter", "EventStore", "SQLStore", "open_store", "resolve_url"]

DEFAULT_DB = "sqlite:///rasd.sqlite"


def resolve_url(url: str | None) -> str:
    """The database URL to use: the given one, else $RASD_DB, else the default."""
    return url or os.environ.get("RASD_DB") or DEFAULT_DB


def open_store(url: str | None = None, schema: str | None = None) -> SQLStore:
    """Open (and migrate) the store at ``url``."""
    url = resolve_url(url)
    if url.startswith(("postgresql://", "postgres://")):
        from rasd.store.postgres import PostgresStore

        return PostgresStore(url, schema=schema)
    from rasd.store.sqlite import SqliteStore

    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    return SqliteStore(path)
