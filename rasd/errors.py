"""Named errors. Each carries enough context to find the cause."""
from __future__ import annotations


class RasdError(Exception):
    """Base class for every error rasd raises on purpose."""


class DataFileError(RasdError):
    """A data file (lexicon, gazetteer, table) is malformed.

    ``problems`` lists every problem as ``file:line:id: message`` so a reviewer
    sees them all at once rather than one per run.
    """

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class InputError(RasdError):
    """An article cannot be processed (empty, undecodable, not Arabic, malformed)."""

    def __init__(self, message: str, article_id: str | None = None):
        self.article_id = article_id
        super().__init__(f"{article_id}: {message}" if article_id else message)


class StoreError(RasdError):
    """The event store cannot be opened or written."""
