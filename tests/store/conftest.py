"""Fixtures of the store tests: one ``store`` fixture over SQLite and PostgreSQL (so the
same tests run on both), a fake extractor that does not depend on rasd's real one, short
self-written Arabic articles, and a canonical dump to compare databases."""
from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from rasd.event import Actor, Event, Location
from rasd.ingest.records import ArticleRecord
from rasd.store import open_store
from rasd.store.core import SQLStore

TODAY = dt.date(2024, 1, 15)

# Places and actors the fake extractor knows: Arabic cue → English record.
PLACES = {
    "عين الأسد": Location("Ain al-Asad Airbase", "قاعدة عين الأسد", "Al Anbar", "Hit", "IQ",
                          33.7856, 42.4412, 1),
    "البغدادي": Location("Al Baghdadi", "ناحية البغدادي", "Al Anbar", "Hit", "IQ",
                         33.867, 42.533, 1),  # about 13 km from Ain al-Asad: another place
    "حرير": Location("Harir Air Base", "قاعدة حرير", "Erbil", None, "IQ", 36.535, 44.342, 1),
    "الأنبار": Location("Al Anbar", "محافظة الأنبار", "Al Anbar", None, "IQ", None, None, 3),
}
ACTORS = {
    "المقاومة الإسلامية": Actor("Islamic Resistance in Iraq", "المقاومة الإسلامية", 3, "IQ"),
    "كتائب حزب الله": Actor("Kataib Hezbollah", "كتائب حزب الله", 3, "IQ"),
}
US = Actor("Military Forces of the United States", "القوات الأمريكية", 8, "US")
_KILLED = re.compile(r"مقتل (\d+)")


def fake_extract(text: str, published: str | None, url: str | None) -> list[Event]:
    """One air strike per known place named in the text, dated on the publication day."""
    actor = next((a for k, a in ACTORS.items() if k in text),
                 Actor("Unidentified Armed Group (Iraq)", None, 3, "IQ"))
    killed = _KILLED.search(text)
    out = []
    for key, loc in PLACES.items():
        i = text.find(key)
        if i < 0 or (key == "الأنبار" and any(k in text for k in ("عين الأسد", "البغدادي"))):
            continue
        out.append(Event("Explosions/Remote violence", "Air/drone strike", date=published,
                         date_precision=1 if published else None, actor1=actor, actor2=US,
                         location=loc, fatalities=int(killed.group(1)) if killed else None,
                         weapons=("drone",), evidence=((i, i + len(key)),), confidence=0.8,
                         notes="test event"))
    return out


# Self-written short articles in news register.
ATTACK_A = ("أعلنت المقاومة الإسلامية في العراق، فجر اليوم، استهداف قاعدة عين الأسد الجوية في "
            "محافظة الأنبار غربي البلاد بطائرتين مسيّرتين، وقالت في بيان مقتضب إن الطائرتين "
            "أصابتا أهدافهما بدقة. ولم تعلّق القوات الأمريكية المتمركزة في القاعدة على الهجوم "
            "حتى الآن، فيما أفادت مصادر محلية بسماع دوي انفجارات قوية في محيط القاعدة.")
ATTACK_B = ("قالت مصادر أمنية عراقية إن طائرة مسيرة مجهولة استهدفت صباح الخميس قاعدة عين الأسد، "
            "مضيفة أن الدفاعات الجوية تصدت لها قبل أن تسقط قرب السياج الخارجي. وأوضحت المصادر "
            "أن الهجوم لم يسفر عن خسائر، وأن فرقاً فنية باشرت فحص المكان بحثاً عن بقايا الطائرة.")
ATTACK_C = ("تعرضت قاعدة حرير في أربيل لهجوم بطائرة مسيرة مساء أمس، وفق ما أعلنته كتائب حزب الله "
            "في بيان نشرته على قناتها، وأكد مسؤول كردي أن الهجوم أسفر عن مقتل 2 من الحراس، "
            "فيما فرضت القوات الأمنية طوقاً حول القاعدة وأغلقت الطرق المؤدية إليها.")
ATTACK_D = ("ذكر مصدر في قيادة العمليات المشتركة أن هجوماً بطائرة مسيرة طال قاعدة عين الأسد "
            "ليلة الأربعاء، وأن الأضرار اقتصرت على مخزن قديم داخل القاعدة. وأضاف المصدر أن "
            "التحقيقات جارية لتحديد الجهة التي أطلقت الطائرة والموقع الذي انطلقت منه.")
ENGLISH = ("The ministry said on Tuesday that the new road will open next month after repairs "
           "were finished ahead of schedule, officials told reporters in the capital.")


def rec(id_: str, text: str, published: str | None = "2024-01-11", **kw: Any) -> ArticleRecord:
    return ArticleRecord(id=id_, text=text, publication_date=published,
                         source_path=kw.pop("source_path", f"test:{id_}"), **kw)


def wire_copy(text: str) -> str:
    """A wire copy: the same story with a dateline and a changed ending."""
    return "بغداد - " + text.replace("حتى الآن", "حتى ساعة إعداد هذا الخبر")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[SQLStore]:
    """An empty store on each backend; PostgreSQL runs when RASD_TEST_POSTGRES_URL is set."""
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "events.sqlite"))
        yield s
        s.close()
        return
    url = os.environ.get("RASD_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("RASD_TEST_POSTGRES_URL is not set (eval \"$(.ci/postgres.sh)\")")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    s = open_store(url, schema=schema)
    yield s
    s.close()
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


_VOLATILE = {"ingested_at", "applied_at"}
_TABLES = ("articles", "article_bands", "events", "event_sources", "merges", "merge_splits",
           "id_counters", "schema_version")


def dump(store: SQLStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without timestamps: equal dumps = same database."""
    out = {}
    for t in _TABLES:
        rows = store.q(f"SELECT * FROM {t}")
        out[t] = sorted((tuple(sorted((k, v) for k, v in r.items() if k not in _VOLATILE))
                         for r in rows), key=repr)
    return out


@pytest.fixture
def kit() -> Any:
    """The helpers above, for test modules (importlib mode cannot import conftest)."""
    from types import SimpleNamespace

    return SimpleNamespace(rec=rec, dump=dump, extract=fake_extract, today=TODAY,
                           wire_copy=wire_copy, A=ATTACK_A, B=ATTACK_B, C=ATTACK_C, D=ATTACK_D,
                           english=ENGLISH, places=PLACES)


@pytest.fixture
def ingest(kit: Any) -> Any:
    """``ingest(store, records, **kw)`` with the fake extractor and a fixed today."""
    from rasd.ingest import Ingester

    def run(store: SQLStore, records: Any, **kw: Any) -> Any:
        kw.setdefault("extractor", fake_extract)
        kw.setdefault("today", TODAY)
        return Ingester(store, **kw).run(records)

    return run
