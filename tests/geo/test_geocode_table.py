"""`rasd geocode` on well-known places across the region: most resolve within 25 km."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rasd.commands.geocode import geocode
from rasd.geo.distance import haversine_km
from rasd.geo.gazetteer import Gazetteer
from rasd.stages.geocode import geocode_name

# (name as written in Arabic news, country or None, lat, lon) — points written for this test
PLACES = [
    ("بغداد", None, 33.31, 44.37), ("البصرة", None, 30.51, 47.81), ("الموصل", None, 36.34, 43.13),
    ("أربيل", None, 36.19, 44.01), ("كركوك", None, 35.47, 44.39), ("الفلوجة", None, 33.35, 43.78),
    ("الرمادي", "IQ", 33.42, 43.30), ("تكريت", None, 34.61, 43.68), ("سامراء", None, 34.20, 43.87),
    ("بعقوبة", None, 33.75, 44.64), ("النجف", None, 32.00, 44.34), ("كربلاء", None, 32.61, 44.02),
    ("الناصرية", None, 31.05, 46.26), ("السليمانية", None, 35.56, 45.44), ("دهوك", None, 36.87, 42.99),
    ("سنجار", None, 36.32, 41.87), ("قاعدة عين الأسد", None, 33.80, 42.44), ("قاعدة حرير", None, 36.54, 44.34),
    ("دمشق", None, 33.51, 36.29), ("حلب", None, 36.20, 37.16), ("حمص", None, 34.73, 36.71),
    ("حماة", None, 35.13, 36.75), ("إدلب", None, 35.93, 36.63), ("الرقة", None, 35.95, 39.01),
    ("دير الزور", None, 35.34, 40.14), ("الحسكة", None, 36.50, 40.75), ("القامشلي", None, 37.05, 41.22),
    ("درعا", None, 32.62, 36.10), ("السويداء", None, 32.71, 36.57), ("اللاذقية", None, 35.52, 35.79),
    ("طرطوس", None, 34.89, 35.89), ("منبج", None, 36.53, 37.95), ("البوكمال", None, 34.45, 40.92),
    ("التنف", None, 33.50, 38.66), ("مخيم الهول", None, 36.38, 41.15), ("تدمر", None, 34.56, 38.28),
    ("بيروت", None, 33.89, 35.50), ("صيدا", None, 33.56, 35.37), ("صور", "LB", 33.27, 35.20),
    ("النبطية", None, 33.38, 35.48), ("بعلبك", None, 34.01, 36.21), ("الخيام", "LB", 33.33, 35.61),
    ("بنت جبيل", None, 33.12, 35.43), ("الناقورة", None, 33.12, 35.14), ("طرابلس", "LB", 34.44, 35.85),
    ("غزة", None, 31.51, 34.45), ("خان يونس", None, 31.34, 34.30), ("رفح", "PS", 31.29, 34.25),
    ("دير البلح", None, 31.42, 34.35), ("مخيم جباليا", None, 31.53, 34.48), ("جنين", None, 32.46, 35.30),
    ("نابلس", None, 32.22, 35.26), ("رام الله", None, 31.90, 35.20), ("الخليل", "PS", 31.53, 35.10),
    ("طولكرم", None, 32.31, 35.03), ("أريحا", "PS", 31.86, 35.46), ("بيت لحم", None, 31.70, 35.20),
    ("تل أبيب", None, 32.08, 34.78), ("حيفا", None, 32.79, 34.99), ("إيلات", None, 29.56, 34.95),
    ("سديروت", None, 31.52, 34.60), ("عسقلان", None, 31.67, 34.57), ("كريات شمونة", None, 33.21, 35.57),
    ("عمان", "JO", 31.95, 35.93), ("الزرقاء", "JO", 32.07, 36.09), ("إربد", "JO", 32.55, 35.85),
    ("العقبة", "JO", 29.53, 35.01), ("صنعاء", None, 15.35, 44.21), ("عدن", None, 12.79, 45.02),
    ("الحديدة", None, 14.80, 42.95), ("تعز", None, 13.58, 44.02), ("مأرب", "YE", 15.46, 45.32),
    ("صعدة", None, 16.94, 43.76), ("المكلا", None, 14.54, 49.12), ("الخرطوم", None, 15.60, 32.53),
    ("أم درمان", None, 15.64, 32.48), ("الفاشر", None, 13.63, 25.35), ("نيالا", None, 12.05, 24.88),
    ("الجنينة", None, 13.45, 22.45), ("بورتسودان", None, 19.62, 37.22), ("ود مدني", None, 14.40, 33.52),
    ("الأبيض", "SD", 13.18, 30.22), ("كادقلي", None, 11.01, 29.72), ("مقديشو", None, 2.04, 45.33),
    ("كيسمايو", None, -0.36, 42.54), ("بيدوا", None, 3.12, 43.65), ("بلدوين", None, 4.74, 45.20),
    ("بنغازي", None, 32.12, 20.07), ("مصراتة", None, 32.38, 15.09), ("سرت", None, 31.21, 16.59),
    ("درنة", None, 32.77, 22.64), ("سبها", None, 27.04, 14.43), ("العريش", None, 31.13, 33.80),
    ("الشيخ زويد", None, 31.22, 34.11), ("القاهرة", None, 30.04, 31.24), ("الرياض", "SA", 24.71, 46.68),
    ("جازان", None, 16.89, 42.55), ("نجران", None, 17.49, 44.13), ("طهران", None, 35.69, 51.39),
    ("غازي عنتاب", None, 37.07, 37.38), ("باماكو", None, 12.64, -8.00), ("نيامي", None, 13.51, 2.11),
]
KM = 25.0
MIN_SHARE = 0.85


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_table_is_a_spread():
    assert len(PLACES) >= 100


def test_most_places_resolve_within_25_km(gaz):
    misses = []
    for name, cc, lat, lon in PLACES:
        found = geocode_name(name, gaz, country=cc)
        if not found or haversine_km(found[0]["lat"], found[0]["lon"], lat, lon) > KM:
            misses.append(name)
    assert 1 - len(misses) / len(PLACES) >= MIN_SHARE, misses


@pytest.mark.parametrize("name,cc,lat,lon", [
    ("قاعدة عين الأسد", None, 33.80, 42.44),
    ("معسكر فيكتوريا", None, 33.26, 44.23),
    ("مخيم عين الحلوة", None, 33.545, 35.38),
])
def test_cli_prints_best_candidate_first(name, cc, lat, lon):
    args = [name] + (["--country", cc] if cc else [])
    result = CliRunner().invoke(geocode, args)
    assert result.exit_code == 0
    best = json.loads(result.output)[0]
    assert haversine_km(best["lat"], best["lon"], lat, lon) < 5


def test_cli_unknown_name_prints_empty_list():
    result = CliRunner().invoke(geocode, ["مكان لا وجود له إطلاقا"])
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_cli_help_has_example():
    result = CliRunner().invoke(geocode, ["--help"])
    assert "Example:" in result.output
