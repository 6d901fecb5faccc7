"""Reading what an analyst collected and storing it: readers, checks, the ingest loop.

    from rasd.ingest import read_paths, Ingester
    summary = Ingester(store).run(read_paths(["articles/"]))
"""
from __future__ import annotations

from rasd.ingest.readers import (decode, read_feed, read_html, read_jsonl, read_path, read_paths,
                                 read_text_file)
from rasd.ingest.records import ArticleRecord, arabic_share, check_record, date_in_text
from rasd.ingest.runner import IngestSummary, Ingester, default_extractor, failed_records

__all__ = ["ArticleRecord", "IngestSummary", "Ingester", "arabic_share", "check_record",
           "date_in_text", "decode", "default_extractor", "failed_records", "read_feed",
           "read_html", "read_jsonl", "read_path", "read_paths", "read_text_file"]
