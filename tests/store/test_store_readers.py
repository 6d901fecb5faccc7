"""Readers and document checks: every kind of bad input gives a recorded, readable error."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from rasd.errors import InputError
from rasd.ingest import check_record, date_in_text, read_path, read_paths
from rasd.ingest.readers import decode

TODAY = dt.date(2024, 1, 15)
ARTICLE = ("أعلنت مصادر أمنية في محافظة نينوى، صباح اليوم، مقتل ثلاثة عناصر من الشرطة بانفجار "
           "عبوة ناسفة استهدفت دوريتهم على الطريق الرابط بين الموصل وتلعفر، فيما أصيب اثنان آخران.")

PAGE = """<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<title>انفجار عبوة ناسفة في نينوى - جريدة الاختبار</title>
<meta property="og:site_name" content="جريدة الاختبار">
<meta property="og:url" content="https://example.org/a/7">
<meta property="article:published_time" content="2024-01-10T09:00:00+03:00">
</head><body><nav><a href="/">الرئيسية</a></nav><article><h1>انفجار عبوة ناسفة في نينوى</h1>
<p>{p}</p><p>وقالت المصادر إن قوة أمنية طوقت المكان وباشرت البحث عن منفذي الهجوم في القرى المجاورة.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>وكالة الاختبار</title><link>https://example.org</link><description>أخبار</description>
<item><title>انفجار في نينوى</title><link>https://example.org/n/1</link><guid>n-1</guid>
<pubDate>Wed, 10 Jan 2024 07:00:00 GMT</pubDate><description><![CDATA[<p>{p}</p>]]></description></item>
<item><title>خبر ثان</title><link>https://example.org/n/2</link><guid>n-2</guid>
<description>نص قصير عن اجتماع حكومي عقد أمس في بغداد لبحث ملف الخدمات في المحافظات.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>موقع الاختبار</title><id>urn:test</id><updated>2024-01-10T10:00:00Z</updated>
<entry><title>انفجار في نينوى</title><id>urn:test:1</id><link href="https://example.org/e/1"/>
<published>2024-01-09T10:00:00Z</published><updated>2024-01-09T10:00:00Z</updated>
<content type="html">&lt;p&gt;{p}&lt;/p&gt;</content></entry></feed>"""


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def _one(path: Path) -> Any:
    (rec,) = list(read_path(path))
    return rec


@pytest.mark.parametrize("data, encoding", [
    (ARTICLE.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
    (ARTICLE.encode("cp1256"), "cp1256"),
])
def test_decode_tries_utf8_then_bom_then_windows_arabic(data: bytes, encoding: str) -> None:
    assert decode(data) == (ARTICLE, encoding)


def test_text_file_cp1256_is_read_and_says_so(tmp_path: Path) -> None:
    rec = _one(_write(tmp_path, "old.txt", ARTICLE.encode("cp1256")))
    assert (rec.status, rec.text, rec.error) == ("ok", ARTICLE, "decoded as Windows-Arabic (cp1256)")


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"  \n", "empty file"),
    ("utf16.txt", ARTICLE.encode("utf-16"), "UTF-16"),
    ("latin.txt", "Le ministère a annoncé une réunion à Genève.".encode("latin-1"), "unknown encoding"),
    ("page.pdf", b"%PDF-1.4", "unknown file type '.pdf'"),
])
def test_bad_files_become_failed_records(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    rec = _one(_write(tmp_path, name, data))
    assert rec.status == "failed" and message in rec.error and rec.source_path.endswith(name)
    with pytest.raises(InputError):
        rec.raise_error()


def test_missing_path_is_an_error_record(tmp_path: Path) -> None:
    rec = _one(tmp_path / "nowhere.txt")
    assert rec.error == "no such file or folder"


def test_folder_is_read_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    _write(tmp_path, "b/2.txt", ARTICLE)
    _write(tmp_path, "a/1.txt", ARTICLE + " أ")
    _write(tmp_path, ".git/x.txt", ARTICLE)
    recs = list(read_paths([tmp_path]))
    assert [Path(r.source_path).relative_to(tmp_path).as_posix() for r in recs] == ["a/1.txt", "b/2.txt"]


def test_jsonl_bad_lines_are_errors_with_line_numbers(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "x1", "text": ARTICLE, "publication_date": "2024-01-10",
                         "url": "https://e.org/1"}, ensure_ascii=False),
             '{"id": "x2", "text": "نص', "", "[1, 2]",
             json.dumps({"id": "x5", "text": 42}),
             json.dumps({"text": ARTICLE + " ب"}, ensure_ascii=False)]
    p = _write(tmp_path, "dump.jsonl", "\n".join(lines) + "\n")
    recs = list(read_path(p))
    assert [(r.status, r.source_path.rsplit(":", 1)[1]) for r in recs] == [
        ("ok", "1"), ("failed", "2"), ("failed", "4"), ("failed", "5"), ("ok", "6")]
    assert recs[0].url == "https://e.org/1" and recs[0].publication_date == "2024-01-10"
    assert "malformed JSON" in recs[1].error and "not an object" in recs[2].error
    assert recs[4].id.startswith("a-")  # no id: derived from the content


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    rec = _one(_write(tmp_path, "page.html", PAGE.format(p=ARTICLE)))
    assert rec.status == "ok" and ARTICLE in rec.text and "الرئيسية" not in rec.text
    assert (rec.title, rec.outlet, rec.url, rec.publication_date) == (
        "انفجار عبوة ناسفة في نينوى", "جريدة الاختبار", "https://example.org/a/7", "2024-01-10")


def test_html_junk_is_an_error(tmp_path: Path) -> None:
    junk = "<html><head><script>var x = 1;</script></head><body><nav><a href='/'>x</a></nav></body></html>"
    rec = _one(_write(tmp_path, "junk.html", junk))
    assert rec.status == "failed" and "no article text" in rec.error


@pytest.mark.parametrize("name, feed, dates", [
    ("feed.rss", RSS, ["2024-01-10", None]),
    ("feed.atom", ATOM, ["2024-01-09"]),
])
def test_feed_files(tmp_path: Path, name: str, feed: str, dates: list[str | None]) -> None:
    recs = list(read_path(_write(tmp_path, name, feed.format(p=ARTICLE))))
    assert [r.publication_date for r in recs] == dates
    assert recs[0].text == ARTICLE and recs[0].title == "انفجار في نينوى"
    assert recs[0].outlet in ("وكالة الاختبار", "موقع الاختبار")
    assert recs[0].url.startswith("https://example.org/")
    assert len({r.id for r in recs}) == len(recs)


def test_feed_url_without_network_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_FETCH", raising=False)
    (rec,) = list(read_path("https://example.org/feed.rss"))
    assert rec.status == "failed" and "network access is off" in rec.error


def test_not_a_feed(tmp_path: Path) -> None:
    rec = _one(_write(tmp_path, "broken.xml", "<html><body>ليس خلاصة</body>"))
    assert rec.status == "failed" and "feed" in rec.error


# ------------------------------------------------------------------ checks


def _check(text: str | None, published: str | None = None) -> Any:
    from rasd.ingest import ArticleRecord

    return check_record(ArticleRecord(id="t", text=text, publication_date=published), TODAY)


@pytest.mark.parametrize("text, published, status, message", [
    ("", None, "failed", "empty article"),
    ("<html><body><div><p>a</p><p>b</p><span>c</span></div></body></html>", None, "failed", "HTML markup"),
    ("انفجار في بغداد", None, "failed", "too short"),
    ("The minister met the ambassador in Baghdad on Monday to discuss trade and security.",
     None, "skipped", "not Arabic"),
    (ARTICLE, "2031-01-01", "failed", "in the future"),
    (ARTICLE, "10/01/2024", "failed", "not YYYY-MM-DD"),
])
def test_document_checks(text: str, published: str | None, status: str, message: str) -> None:
    rec = _check(text, published)
    assert rec.status == status and message in rec.error


def test_a_page_mostly_arabic_with_english_names_passes() -> None:
    assert _check(ARTICLE + " (Reuters, AFP, CNN)").status == "ok"


@pytest.mark.parametrize("text, expected", [
    ("الموصل - 12 تشرين الأول 2023: " + ARTICLE, "2023-10-12"),
    ("بغداد في 3 أكتوبر/تشرين الأول 2023 (رويترز) - " + ARTICLE, "2023-10-03"),
    (ARTICLE + " وذلك في 5 من نوفمبر عام 2023.", "2023-11-05"),
    ("نُشر في ٢٠٢٣-١٢-٠٨ " + ARTICLE, "2023-12-08"),
    ("الجمعة 08/12/2023 " + ARTICLE, "2023-12-08"),
    ("تونس 7 جانفي 2024 " + ARTICLE, "2024-01-07"),
    ("من المقرر أن يعقد المؤتمر في 5 مايو 2030، " + ARTICLE, None),  # future dates are not datelines
    (ARTICLE, None),
])
def test_publication_date_from_text(text: str, expected: str | None) -> None:
    d = date_in_text(text, TODAY)
    assert (d.isoformat() if d else None) == expected
    rec = _check(text)
    assert rec.publication_date == expected and rec.date_from == ("text" if expected else None)


def test_metadata_date_wins_over_text() -> None:
    rec = _check("الموصل - 12 تشرين الأول 2023: " + ARTICLE, "2023-10-13T10:00:00")
    assert (rec.publication_date, rec.date_from) == ("2023-10-13", "metadata")
