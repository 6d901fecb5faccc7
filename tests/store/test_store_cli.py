"""The ``ingest``/``query``/``export``/``dedup`` commands, a real kill, and one end-to-end run."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from rasd.commands.store import dedup, export, ingest, query


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, kit: Any, tmp_path: Path) -> Any:
    """A click group with the four commands, the fake extractor, a db in tmp_path."""
    monkeypatch.setattr("rasd.ingest.runner.default_extractor", kit.extract)
    monkeypatch.setenv("RASD_DB", f"sqlite:///{tmp_path / 'cli.sqlite'}")

    @click.group()
    def group() -> None:
        pass

    for cmd in (ingest, query, export, dedup):
        group.add_command(cmd)
    runner = CliRunner()

    def run(*args: str) -> Any:
        res = runner.invoke(group, list(args), catch_exceptions=False)
        return res

    return run


@pytest.fixture
def corpus(tmp_path: Path, kit: Any) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = [{"id": "a1", "text": kit.A, "publication_date": "2024-01-11", "url": "https://one.example/1"},
             {"id": "b1", "text": kit.B, "publication_date": "2024-01-12", "url": "https://two.example/1"},
             {"id": "c1", "text": kit.C, "publication_date": "2024-01-13"}]
    (folder / "dump.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{broken\n", encoding="utf-8")
    (folder / "note.txt").write_text(kit.english, encoding="utf-8")
    return folder


def test_help_has_examples(cli: Any) -> None:
    for name in ("ingest", "query", "export", "dedup"):
        assert "Example:" in cli(name, "--help").output


def test_ingest_query_export_dedup(cli: Any, corpus: Path, tmp_path: Path) -> None:
    first = cli("ingest", str(corpus))
    assert first.exit_code == 0
    assert "stored:          3" in first.stderr and "failed:          1" in first.stderr
    assert "dump.jsonl:4: malformed JSON" in first.stderr and "not Arabic: 1" in first.stderr
    again = cli("ingest", str(corpus))
    assert "stored:          0" in again.stderr and "already ingested: 3" in again.stderr

    table = cli("query", "--country", "IQ").output.splitlines()
    assert table[0].split()[:3] == ["id", "date", "type"] and table[-1] == "2 event(s)"
    assert "Ain al-Asad Airbase" in table[1] and table[1].split()[-1] == "2"
    lines = cli("query", "--format", "jsonl", "--actor", "Kataib").output.splitlines()
    assert [json.loads(x)["location"]["name"] for x in lines] == ["Harir Air Base"]

    out = tmp_path / "events.csv"
    res = cli("export", "--format", "csv", "-o", str(out), "--since", "2024-01-01")
    assert "2 event(s) exported" in res.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["location"] for r in rows] == ["Ain al-Asad Airbase", "Harir Air Base"]

    geo = cli("export", "--format", "geojson")
    assert len(json.loads(geo.stdout)["features"]) == 2

    cnty = rows[0]["event_id_cnty"]
    explained = cli("dedup", "--explain", cnty).output
    assert "2 source(s)" in explained and "same place (Ain al-Asad Airbase)" in explained
    assert "events now:" in cli("dedup", "--split", cnty).output
    assert cli("query").output.splitlines()[-1] == "3 event(s)"
    bad = cli("dedup", "--explain", "nope")
    assert bad.exit_code != 0 and "no event 'nope'" in bad.output


def test_retry_failed_reads_the_fixed_source(cli: Any, corpus: Path, kit: Any) -> None:
    cli("ingest", str(corpus))
    dump = corpus / "dump.jsonl"
    fixed = dump.read_text(encoding="utf-8").replace(
        "{broken", json.dumps({"id": "d1", "text": kit.D, "publication_date": "2024-01-11"},
                              ensure_ascii=False))
    dump.write_text(fixed, encoding="utf-8")
    res = cli("ingest", "--retry-failed")
    assert "stored:          1" in res.stderr and "failed:          0" in res.stderr
    assert cli("query").output.splitlines()[-1] == "2 event(s)"  # d1 joined the Ain al-Asad event


_SCRIPT = textwrap.dedent('''
    import os, signal, sys
    from rasd.event import Actor, Event, Location
    from rasd.ingest import Ingester, read_paths
    from rasd.store import open_store

    db, schema, source, kill_at = sys.argv[1], sys.argv[2] or None, sys.argv[3], int(sys.argv[4])
    calls = 0
    def extract(text, published, url):
        global calls
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)  # a real kill, mid-article
        name = "Ain al-Asad Airbase" if "عين الأسد" in text else "Harir Air Base"
        return [Event("Explosions/Remote violence", "Air/drone strike", published, 1,
                      Actor("Unidentified Armed Group (Iraq)"),
                      location=Location(name, None, None, None, "IQ", None, None, 1),
                      evidence=((0, 5),))]
    Ingester(open_store(db, schema=schema), extractor=extract).run(read_paths([source]))
''')


def test_killed_ingest_resumes_to_the_clean_result(store: Any, kit: Any, ingest: Any,
                                                   corpus: Path, tmp_path: Path) -> None:
    script = tmp_path / "run.py"
    script.write_text(_SCRIPT, encoding="utf-8")
    db = getattr(store, "url", None) or store.path
    schema = getattr(store, "schema", None) or ""

    def run(kill_at: int) -> int:
        return subprocess.run([sys.executable, str(script), db, schema, str(corpus), str(kill_at)],
                              capture_output=True, timeout=120).returncode

    assert run(2) == -9  # killed while extracting the second article
    assert store.counts().get("articles_ok") == 1
    assert run(0) == 0  # the re-run completes
    from rasd.store import open_store

    clean = open_store(str(tmp_path / "clean.sqlite"))
    subprocess.run([sys.executable, str(script), str(tmp_path / "clean.sqlite"), "", str(corpus),
                    "0"], check=True, timeout=120)
    assert kit.dump(store) == kit.dump(clean)
    clean.close()


def test_end_to_end_with_the_real_extractor(tmp_path: Path, kit: Any) -> None:
    """The one test on rasd's own extractor: the article is stored, not failed."""
    pytest.importorskip("rasd.pipeline")
    from rasd.ingest import ArticleRecord, Ingester
    from rasd.store import open_store

    store = open_store(str(tmp_path / "e2e.sqlite"))
    summary = Ingester(store, today=kit.today).run(
        [ArticleRecord(id="a1", text=kit.A, publication_date="2024-01-11", source_path="t")])
    assert summary.failed == [] and store.get_article("a1")["status"] == "ok"
    store.close()


def test_reading_commands_do_not_create_a_database(cli: Any, tmp_path: Path) -> None:
    res = cli("query", "--db", str(tmp_path / "missing.sqlite"))
    assert res.exit_code != 0 and "no database at" in res.output
    assert not (tmp_path / "missing.sqlite").exists()
