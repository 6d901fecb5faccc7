"""The batch interface keeps one output line per input line, in order, whatever the input."""
import json

import pytest

from rasd.batch import check_published, check_text, parse_line, run_lines
from rasd.errors import InputError

GOOD = {"id": "ok", "text": "قالت الشرطة إن مسلحين مجهولين أطلقوا النار على دورية في مدينة الموصل أمس.",
        "publication_date": "2024-01-10"}


def test_one_output_per_line_in_order_whatever_the_input():
    lines = [
        json.dumps(GOOD, ensure_ascii=False),
        '{"id": "broken", "text": "نص',  # malformed JSON
        "",  # empty line
        json.dumps({"id": "en", "text": "The quick brown fox jumps over the lazy dog."}),
        json.dumps({"id": "big", "text": "اشتباكات في المدينة. " * 250_000}, ensure_ascii=False),
        json.dumps([1, 2, 3]),
        json.dumps({"id": "notext"}),
        json.dumps({**GOOD, "id": "future", "publication_date": "2999-01-01"}, ensure_ascii=False),
    ]
    out = list(run_lines(lines))
    assert [o["id"] for o in out] == ["ok", "broken", None, "en", "big", None, "notext", "future"]
    assert "error" not in out[0]
    assert "malformed JSON" in out[1]["error"]
    assert "empty line" in out[2]["error"]
    assert "not Arabic" in out[3]["error"]
    assert "error" not in out[4]  # long, but read (its first part)
    assert "not a JSON object" in out[5]["error"]
    assert "no text" in out[6]["error"]
    assert "error" not in out[7]
    assert all(isinstance(o["events"], list) for o in out)


@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("   \n ", "empty"), (None, "no text"), ("12345 67", "no letters"),
    ("Hello world, this is English.", "not Arabic"),
])
def test_check_text_rejects(text, message):
    with pytest.raises(InputError, match=message):
        check_text(text, "x")


def test_check_text_accepts_arabic_with_some_latin():
    assert check_text("أعلنت وزارة الدفاع (MoD) عن اعتراض صاروخ", "x")


@pytest.mark.parametrize("value, expected", [
    ("2023-10-20", "2023-10-20"), ("2023-10-20T08:00:00Z", "2023-10-20"), (None, None),
    ("yesterday", None), ("2999-01-01", None),
])
def test_check_published(value, expected):
    got = check_published(value, "x")
    assert (got.isoformat() if got else None) == expected


def test_parse_line_keeps_id_of_broken_line():
    err = parse_line('{"id": "a7", "text": "x', 3)
    assert isinstance(err, InputError) and err.article_id == "a7" and "line 3" in str(err)
