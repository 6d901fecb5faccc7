"""Throughput of the shared lexicon matcher on a synthetic lexicon and corpus.

Builds 50,000 synthetic Arabic forms (deterministic), times loading them into
:class:`rasd.lexicon.matcher.Matcher`, then times ``Matcher.find`` over at
least 20 MB (UTF-8 bytes) of news-like Arabic cut into ~5 KB articles.
Targets: load < 2 s; matching > 20 MB/s on one core. Not a test: it prints.

    python bench/bench_matcher.py [--forms 50000] [--mb 20] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import time

from rasd.lexicon.matcher import LexEntry, Matcher
from rasd.text.normalize import normalize

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآؤئ"
KINDS = ("place", "actor", "trigger", "weapon", "cue")
# News-register sentences written for this benchmark.
SENTENCES = (
    "أعلنت مصادر أمنية صباح اليوم مقتل ثلاثة عناصر من الشرطة في هجوم مسلح على نقطة تفتيش.",
    "وقال المتحدث باسم الجيش إن القوات تصدت لمحاولة تسلل قرب الحدود الشرقية.",
    "استهدفت طائرة مسيرة مجهولة سيارة مدنية على الطريق الدولي ما أدى إلى إصابة سائقها.",
    "وأفاد شهود عيان بسماع دوي انفجارات متتالية في محيط القاعدة العسكرية مساء أمس.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن، فيما فتحت السلطات تحقيقا في الحادث.",
    "وشهدت المدينة تظاهرات حاشدة للمطالبة بتحسين الخدمات وتوفير فرص العمل للشباب.",
    "وأكدت وزارة الصحة ارتفاع عدد الجرحى إلى خمسة وعشرين شخصا بينهم أطفال ونساء.",
    "وتأتي هذه التطورات في ظل تصاعد التوتر في المنطقة منذ مطلع الشهر الجاري.",
    "وأطلقت الفصائل المسلحة رشقة صاروخية باتجاه المواقع العسكرية في الريف الغربي.",
    "واعتقلت قوات الأمن عددا من المشتبه بهم خلال حملة مداهمات في الأحياء الجنوبية.",
    "بغداد - رصد: أفاد مصدر محلي بوقوع اشتباكات عنيفة بين عشيرتين في قضاء المدينة.",
    "وأشار البيان إلى أن الدفاعات الجوية اعترضت صاروخين باليستيين فوق البحر الأحمر.",
)


def synthetic_forms(n: int, seed: int = 20231020) -> list[LexEntry]:
    """``n`` distinct forms of 1-3 words of 3-7 letters, some with ال."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[LexEntry] = []
    while len(out) < n:
        words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))
                 for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
        if rng.random() < 0.3:
            words[0] = "ال" + words[0]
        form = " ".join(words)
        if form in seen:
            continue
        seen.add(form)
        out.append(LexEntry(rng.choice(KINDS), f"e{len(out)}", form,
                            strong=rng.random() < 0.8, needs_article=rng.random() < 0.05))
    return out


def synthetic_articles(forms: list[LexEntry], megabytes: float, seed: int = 7) -> list[str]:
    """~5 KB articles of the sentences above, one lexicon form in every few sentences."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    articles: list[str] = []
    size = 0
    while size < target:
        parts: list[str] = []
        while sum(len(p.encode()) for p in parts) < 5000:
            sentence = rng.choice(SENTENCES)
            if rng.random() < 0.5:
                clitic = rng.choice(("", "", "و", "ب", "وال", "بال", "لل"))
                sentence = f"{sentence[:-1]} {clitic}{rng.choice(forms).form}."
            parts.append(sentence)
        article = "\n".join(parts)
        articles.append(article)
        size += len(article.encode())
    return articles


def _raw_hits(matcher: Matcher, text: str) -> int:
    """The automaton's own work, without the matcher's filtering (internals: bench only)."""
    ac = getattr(matcher, "_ac", None)
    if ac is None:
        return 0
    try:
        return len(ac.find_matches_as_indexes(text, overlapping=True))
    except ValueError:  # a leftmost automaton cannot report overlapping matches
        return len(ac.find_matches_as_indexes(text))


def run(matcher: Matcher, articles: list[str], profile: bool) -> dict[str, float]:
    """Seconds spent normalising, matching and in the bare automaton, and counts."""
    t = {"norm": 0.0, "match": 0.0, "ac": 0.0, "mentions": 0, "hits": 0}
    profiler = cProfile.Profile() if profile else None
    for article in articles:
        t0 = time.perf_counter()
        norm = normalize(article)
        t1 = time.perf_counter()
        if profiler:
            profiler.enable()
        t["mentions"] += len(matcher.find(norm))
        if profiler:
            profiler.disable()
        t2 = time.perf_counter()
        t["hits"] += _raw_hits(matcher, norm.text)
        t["norm"] += t1 - t0
        t["match"] += t2 - t1
        t["ac"] += time.perf_counter() - t2
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(8)
    return t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--forms", type=int, default=50_000)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--profile", action="store_true", help="cProfile the matching run")
    args = ap.parse_args()

    forms = synthetic_forms(args.forms)
    t0 = time.perf_counter()
    matcher = Matcher(forms)
    load_s = time.perf_counter() - t0
    print(f"load: {len(forms)} forms ({len(matcher)} keys) in {load_s:.2f} s (target < 2 s)")

    articles = synthetic_articles(forms, args.mb)
    mb = sum(len(a.encode()) for a in articles) / 1_000_000
    n = len(articles)
    t = run(matcher, articles, args.profile)
    print(f"text: {mb:.1f} MB UTF-8 in {n} articles")
    print(f"match: {t['match']:.2f} s = {mb / t['match']:.1f} MB/s (target > 20 MB/s); "
          f"{t['mentions']} mentions, {t['mentions'] / n:.1f} per article; "
          f"{t['match'] / n * 1e3:.3f} ms per article")
    print(f"of which Aho-Corasick alone: {mb / t['ac']:.1f} MB/s, {t['hits'] / n:.0f} raw "
          f"hits per article (the rest is the per-hit Python filtering and Mention objects)")
    print(f"normalize (for reference): {mb / t['norm']:.1f} MB/s, "
          f"{t['norm'] / n * 1e3:.3f} ms per article")


if __name__ == "__main__":
    main()
