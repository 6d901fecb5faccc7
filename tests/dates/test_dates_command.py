"""The ``rasd dates`` command."""
from __future__ import annotations

import json

from click.testing import CliRunner

from rasd.commands.dates import dates


def test_prints_every_expression_as_json():
    text = "قتل جندي فجر اليوم، وكانت القوات قد قصفت البلدة الاثنين الماضي"
    result = CliRunner().invoke(dates, [text, "--published", "2023-10-20"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["text"], r["date"], r["precision"], r["kind"], r["future"]) for r in rows] == [
        ("فجر اليوم", "2023-10-20", 1, "relative", False),
        ("الاثنين الماضي", "2023-10-16", 1, "weekday", False),
    ]
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert "فجر اليوم" in result.output  # ensure_ascii=False


def test_without_publication_date_relative_words_stay_null():
    result = CliRunner().invoke(dates, ["سقطت قذائف أمس وفي 20 أكتوبر 2023"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [(r["text"], r["date"]) for r in rows] == [("أمس", None), ("20 أكتوبر 2023", "2023-10-20")]


def test_bad_publication_date_is_refused():
    result = CliRunner().invoke(dates, ["اليوم", "--published", "20/10/2023"])
    assert result.exit_code != 0
    assert "YYYY-MM-DD" in result.output


def test_help_has_an_example():
    result = CliRunner().invoke(dates, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
