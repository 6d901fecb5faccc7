"""The CLI and the README agree with the code."""
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rasd.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


def test_readme_commands_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```(?:sh)?\n(.*?)```", readme, flags=re.S))
    used = set(re.findall(r"^rasd (\w+)", code, flags=re.M))
    assert used and used <= set(COMMANDS)
    assert "make demo" in readme and "make test" in readme


def test_makefile_has_the_readme_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_extract_single_article_prints_codebook_shape(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("قتل ثلاثة مدنيين في غارة جوية استهدفت منزلا في مدينة إدلب فجر اليوم.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--published", "2024-02-01"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["id"] == "a" and isinstance(out["events"], list)
    for event in out["events"]:
        for e in event["evidence"]:
            assert 0 <= e["start"] < e["end"] <= len(article.read_text(encoding="utf-8"))


def test_extract_rejects_a_bad_published_date(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("اشتباكات في المدينة", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--published", "20/10/2023"])
    assert result.exit_code != 0 and "published" in result.output


def test_extract_on_error_raise_stops_on_a_bad_line(tmp_path):
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": "x", "text": ""}\n', encoding="utf-8")
    assert CliRunner().invoke(main, ["extract", str(batch)]).exit_code == 0
    assert CliRunner().invoke(main, ["extract", str(batch), "--on-error", "raise"]).exit_code != 0


def test_inspect_shows_layers_with_offsets(tmp_path):
    text = "استهدفت طائرة مسيّرة قاعدة عسكرية قرب مدينة الموصل أمس."
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["inspect", str(article), "--published", "2024-02-01"])
    assert result.exit_code == 0, result.output
    for section in ("SENTENCES", "MENTIONS", "DATES", "EVENTS"):
        assert section in result.output
    spans = re.findall(r"\[\s*(\d+):(\d+)\s*\] trigger:\w+ (\S+)", result.output)
    assert spans
    for start, end, word in spans:
        assert text[int(start):int(end)].startswith(word)
