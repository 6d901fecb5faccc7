"""The order of the stages, in one place.

annotate: sentences → tokens → lexicon mentions → dates → counts
extract_events: annotate → event assembly (actors, place, date, casualties) →
within-article merge → notes
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any
from concurrent.futures import ProcessPoolExecutor

from rasd.doc import Document
from rasd.event import Event
from rasd.resources import Resources, load_resources
from rasd.stages.assemble import assemble_events
from rasd.stages.dates import find_dates
from rasd.text.numbers import find_counts
from rasd.text.sentences import split_sentences
from rasd.text.tokenize import tokenize


def annotate(doc: Document, res: Resources) -> Document:
    """Add every annotation layer to ``doc``."""
    doc = dataclasses.replace(
        doc,
        sentences=split_sentences(doc.text, doc.norm),
        tokens=tokenize(doc.norm),
        mentions=tuple(res.matcher.find(doc.norm)),
    )
    doc = dataclasses.replace(doc, dates=find_dates(doc, res.dates))
    return dataclasses.replace(doc, counts=find_counts(doc.norm, res.numbers))


def extract_events(doc: Document, res: Resources) -> list[Event]:
    """The events of one article."""
    return assemble_events(annotate(doc, res), res)


def pipe(records: Iterable[Any], workers: int = 1, chunk: int = 512) -> Iterator[dict]:
    """Run the batch interface over records, in order, on ``workers`` processes.

    Records are sent to the pool a chunk at a time so memory stays flat on
    archives of millions of articles.
    """
    from rasd.batch import process_record

    if workers <= 1:
        load_resources()
        yield from map(process_record, records)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=load_resources) as pool:
        for batch in _chunks(records, chunk):
            yield from pool.map(process_record, batch, chunksize=max(1, len(batch) // (4 * workers)))


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
