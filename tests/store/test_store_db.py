"""The event store: the same tests on SQLite and (with RASD_TEST_POSTGRES_URL) PostgreSQL."""
from __future__ import annotations

import itertools
from typing import Any

import pytest

from rasd.store import EventFilter, merging
from rasd.store.migrations import current_version, migrations


def _sources(store: Any) -> dict[str, list[str]]:
    """{event location: sorted article ids of its sources}."""
    out: dict[str, list[str]] = {}
    for e in store.query_events():
        out.setdefault(e["location"], [])
        out[e["location"]] += sorted(s["article_id"] for s in store.event_sources(e["id"]))
    return out


def test_migrations_record_schema_version(store: Any) -> None:
    assert current_version(store) == len(migrations(store.dialect)) >= 1
    assert {m.version for m in migrations("sqlite")} == {m.version for m in migrations("postgres")}
    from rasd.store.migrations import migrate

    assert migrate(store) == []  # already up to date: nothing runs twice


def test_reingest_is_idempotent(store: Any, kit: Any, ingest: Any) -> None:
    recs = [kit.rec("a1", kit.A), kit.rec("c1", kit.C)]
    first = ingest(store, recs)
    before = kit.dump(store)
    again = ingest(store, recs)
    assert (first.stored, again.stored, again.skipped["already ingested"]) == (2, 0, 2)
    assert kit.dump(store) == before


def test_same_text_other_form_is_recognised(store: Any, kit: Any, ingest: Any) -> None:
    # harakat removed and alef forms changed: the same normalised words, so the same article
    variant = kit.A.replace("ّ", "").replace("أ", "ا")
    summary = ingest(store, [kit.rec("a1", kit.A), kit.rec("a2", variant)])
    assert summary.stored == 1
    assert store.get_article("a2")["duplicate_of"] == "a1"


def test_near_duplicate_copy_stored_once_and_linked(store: Any, kit: Any, ingest: Any) -> None:
    ingest(store, [kit.rec("a1", kit.A, outlet="Outlet One"),
                   kit.rec("a1-copy", kit.wire_copy(kit.A), outlet="Outlet Two")])
    copy = store.get_article("a1-copy")
    assert (copy["status"], copy["duplicate_of"], copy["text"]) == ("skipped", "a1", None)
    assert "near-duplicate of a1" in copy["error"]
    (event,) = store.query_events()
    info = merging.explain(store, event["id"])
    assert [c["id"] for c in info["copies"]] == ["a1-copy"]


def test_two_reports_of_one_attack_become_one_event(store: Any, kit: Any, ingest: Any) -> None:
    summary = ingest(store, [kit.rec("a1", kit.A), kit.rec("b1", kit.B, "2024-01-12"),
                             kit.rec("c1", kit.C)])
    assert summary.events_stored == 3 and summary.events_merged == 1
    assert _sources(store) == {"Ain al-Asad Airbase": ["a1", "b1"], "Harir Air Base": ["c1"]}
    ev = store.query_events(EventFilter(admin1="Al Anbar"))[0]
    # the named actor wins over the unidentified one; the anchor is the earliest report
    assert (ev["actor1"], ev["n_sources"], ev["event_date"]) == ("Islamic Resistance in Iraq", 2,
                                                                 "2024-01-11")
    assert ev["event_id_cnty"].startswith("IRQ")


def test_merge_rule_needs_date_within_a_day(store: Any, kit: Any, ingest: Any) -> None:
    ingest(store, [kit.rec("a1", kit.A, "2024-01-11"), kit.rec("b1", kit.B, "2024-01-13")])
    assert [e["n_sources"] for e in store.query_events()] == [1, 1]


def test_merge_is_independent_of_order(store: Any, kit: Any, ingest: Any, tmp_path: Any) -> None:
    recs = [kit.rec("a1", kit.A), kit.rec("b1", kit.B, "2024-01-12"), kit.rec("c1", kit.C)]
    ingest(store, recs)
    reference = {k: v for k, v in kit.dump(store).items() if k not in ("id_counters", "events")}
    ref_events = sorted((e["id"], e["n_sources"]) for e in store.query_events())
    from rasd.store import open_store

    for n, order in enumerate(itertools.permutations(recs)):
        other = open_store(str(tmp_path / f"perm{n}.sqlite"))
        ingest(other, list(order))
        assert sorted((e["id"], e["n_sources"]) for e in other.query_events()) == ref_events
        got = {k: v for k, v in kit.dump(other).items() if k not in ("id_counters", "events")}
        assert got == reference
        other.close()


def test_explain_split_and_unsplit(store: Any, kit: Any, ingest: Any) -> None:
    ingest(store, [kit.rec("a1", kit.A), kit.rec("b1", kit.B, "2024-01-12")])
    (ev,) = store.query_events()
    info = merging.explain(store, ev["event_id_cnty"])
    reasons = [s["reason"] for s in info["sources"]]
    assert reasons[0] is None and "same place (Ain al-Asad Airbase)" in reasons[1]
    assert info["sources"][0]["evidence"][0]["text"] == "عين الأسد"
    after = merging.split(store, ev["id"])
    assert len(after) == 2 and len(store.query_events()) == 2
    ingest(store, [kit.rec("a1", kit.A)])  # a re-ingest does not undo the analyst's split
    assert len(store.query_events()) == 2
    assert merging.unsplit(store, after[0]) == [ev["id"]]
    (again,) = store.query_events()
    assert (again["id"], again["event_id_cnty"], again["n_sources"]) == (ev["id"], ev["event_id_cnty"], 2)


def test_split_one_source_of_three(store: Any, kit: Any, ingest: Any) -> None:
    ingest(store, [kit.rec("a1", kit.A), kit.rec("b1", kit.B, "2024-01-12"),
                   kit.rec("d1", kit.D, "2024-01-11")])
    (ev,) = store.query_events()
    assert ev["n_sources"] == 3
    merging.split(store, ev["id"], "b1#0")
    sizes = sorted(e["n_sources"] for e in store.query_events() if e["location"] == "Ain al-Asad Airbase")
    assert sizes == [1, 2]


def test_failed_extraction_leaves_no_partial_rows(store: Any, kit: Any, ingest: Any) -> None:
    def crash_after_events(text: str, published: Any, url: Any) -> Any:
        if "حرير" in text:
            raise RuntimeError("extractor bug")
        return kit.extract(text, published, url)

    summary = ingest(store, [kit.rec("a1", kit.A), kit.rec("c1", kit.C)],
                     extractor=crash_after_events)
    row = store.get_article("c1")
    assert row["status"] == "failed" and "RuntimeError: extractor bug" in row["error"]
    assert [w for w, _ in summary.failed] == ["test:c1"]
    assert store.q("SELECT COUNT(*) AS n FROM event_sources WHERE article_id = 'c1'")[0]["n"] == 0
    # fixed extractor: --retry-failed stores it; a plain re-run does not touch it
    assert ingest(store, [kit.rec("c1", kit.C)]).skipped["failed before (use --retry-failed)"] == 1
    ingest(store, [kit.rec("c1", kit.C)], retry_failed=True)
    assert store.get_article("c1")["status"] == "ok"
    assert "Harir Air Base" in _sources(store)


def test_exception_mid_write_rolls_back_the_article(store: Any, kit: Any, ingest: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(store, [kit.rec("a1", kit.A)])
    before = kit.dump(store)

    def boom(*a: Any, **k: Any) -> None:
        raise KeyboardInterrupt  # a kill between writing the article and its events

    monkeypatch.setattr("rasd.ingest.runner.recluster", boom)
    with pytest.raises(KeyboardInterrupt):
        ingest(store, [kit.rec("c1", kit.C)])
    assert kit.dump(store) == before
    monkeypatch.undo()
    ingest(store, [kit.rec("c1", kit.C)])
    assert store.get_article("c1")["status"] == "ok"


def test_resume_after_interruption_equals_clean_run(store: Any, kit: Any, ingest: Any,
                                                    tmp_path: Any) -> None:
    recs = [kit.rec("a1", kit.A), kit.rec("c1", kit.C), kit.rec("b1", kit.B, "2024-01-12"),
            kit.rec("a1-copy", kit.wire_copy(kit.A)), kit.rec("en", kit.english)]
    from rasd.store import open_store

    clean = open_store(str(tmp_path / "clean.sqlite"))
    ingest(clean, recs)
    interrupted = 0
    for _ in range(len(recs)):  # each run stores one article, then is killed mid-article
        calls = {"n": 0}

        def dies(text: str, published: Any, url: Any) -> Any:
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt
            return kit.extract(text, published, url)

        try:
            ingest(store, recs, extractor=dies)
            break
        except KeyboardInterrupt:
            interrupted += 1
    assert interrupted == 2  # three articles need extraction
    ingest(store, recs)
    assert kit.dump(store) == kit.dump(clean)
    clean.close()


def test_query_filters_and_full_text(store: Any, kit: Any, ingest: Any) -> None:
    ingest(store, [kit.rec("a1", kit.A), kit.rec("c1", kit.C, "2024-01-14")])
    loc = lambda f: [e["location"] for e in store.query_events(f)]  # noqa: E731
    assert loc(EventFilter(since="2024-01-12")) == ["Harir Air Base"]
    assert loc(EventFilter(until="2024-01-11")) == ["Ain al-Asad Airbase"]
    assert loc(EventFilter(country="iq")) == ["Ain al-Asad Airbase", "Harir Air Base"]
    assert loc(EventFilter(actor="kataib")) == ["Harir Air Base"]
    assert loc(EventFilter(actor="المقاومة")) == ["Ain al-Asad Airbase"]
    assert loc(EventFilter(type="air/drone strike", admin1="erbil")) == ["Harir Air Base"]
    # full text is normalised: إ/أ/ا and harakat do not matter
    assert loc(EventFilter(text="اربيل")) == ["Harir Air Base"]
    assert loc(EventFilter(text="الدفاعات الجوية")) == []
    assert loc(EventFilter(text='"; DROP TABLE events; --')) == []


def test_failed_and_skipped_articles_are_recorded(store: Any, kit: Any, ingest: Any) -> None:
    from rasd.ingest.records import error_record

    summary = ingest(store, [kit.rec("en", kit.english), kit.rec("future", kit.A, "2031-05-01"),
                             error_record("dump.jsonl:3", "malformed JSON at column 5")])
    rows = {r["id"]: (r["status"], r["error"]) for r in store.q("SELECT * FROM articles")}
    assert rows["en"][0] == "skipped" and rows["en"][1].startswith("not Arabic")
    assert rows["future"][0] == "failed" and "in the future" in rows["future"][1]
    assert rows["dump.jsonl:3"] == ("failed", "malformed JSON at column 5")
    assert summary.skipped["not Arabic"] == 1 and len(summary.failed) == 2


def test_workers_give_the_same_database(store: Any, kit: Any, ingest: Any, tmp_path: Any) -> None:
    recs = [kit.rec("a1", kit.A), kit.rec("c1", kit.C), kit.rec("b1", kit.B, "2024-01-12"),
            kit.rec("a1-copy", kit.wire_copy(kit.A)), kit.rec("d1", kit.D), kit.rec("a1", kit.A)]
    from rasd.store import open_store

    serial = open_store(str(tmp_path / "serial.sqlite"))
    ingest(serial, recs)
    summary = ingest(store, recs, workers=2)
    assert (summary.stored, summary.skipped["already ingested"]) == (4, 1)
    assert kit.dump(store) == kit.dump(serial)
    serial.close()


@pytest.mark.parametrize("bad, message", [
    ({"date": "11/01/2024"}, "is not YYYY-MM-DD"),
    ({"evidence": ((0, 10_000),)}, "evidence span outside the text"),
])
def test_bad_events_from_the_extractor_fail_the_article(store: Any, kit: Any, ingest: Any,
                                                        bad: dict[str, Any], message: str) -> None:
    from dataclasses import replace

    def sloppy(text: str, published: Any, url: Any) -> Any:
        return [replace(ev, **bad) for ev in kit.extract(text, published, url)]

    summary = ingest(store, [kit.rec("a1", kit.A)], extractor=sloppy)
    assert message in summary.failed[0][1] and store.counts()["events"] == 0
