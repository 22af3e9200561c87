"""The one-pass Reader (used by the benchmark) agrees with the book's per-paragraph functions on the seeds."""

from collections import Counter

import pytest

from natoar.report import textstats
from natoar.sources import corpus
from natoar.sources.evidence import load_table
from natoar.text import datefinder
from natoar.text.dates import parse_date
from natoar.text.names import build_matcher, mentions
from natoar.text.reading import Reader, content_counts


@pytest.fixture(scope="module")
def readings(root):
    body = corpus.read_corpus(root).paragraphs
    written = dict(zip(*corpus.load_catalogue(root)[["id", "date_iso"]].T.values, strict=True))
    reader = Reader(load_table("theme_lexicon", root), load_table("aliases", root))
    counts: dict[str, Counter] = {}
    found = []
    for doc, number, paragraph in zip(body["doc"], body["paragraph"], body["text"], strict=True):
        reading = reader.read(paragraph, parse_date(written[doc]), counts.setdefault(doc, Counter()))
        found.append((doc, number, reading))
    return body, {doc: reader.word_counts(tally) for doc, tally in counts.items()}, found


def test_counts_match_term_counts(root, readings):
    body, counts, _ = readings
    terms = textstats.term_counts(body)
    for doc, group in terms.groupby("doc"):
        assert content_counts(counts[doc]) == dict(zip(group["term"], group["count"], strict=True))


def test_themes_match_theme_counts(root, readings):
    body, _, found = readings
    table = textstats.theme_counts(body, load_table("theme_lexicon", root)).set_index("theme")
    totals: dict[str, Counter] = {}
    for doc, _, reading in found:
        totals.setdefault(doc, Counter()).update(reading.themes)
    assert totals["nato-morocco-2024"]["counter-terrorism"] > 0
    for doc, counter in totals.items():
        assert {t: n for t, n in table[doc].items() if n} == dict(counter)


def test_mentions_and_dates_match(root, readings):
    body, _, found = readings
    book = mentions(body, build_matcher(load_table("aliases", root)))
    assert [(d, n, e) for d, n, r in found for e, *_ in r.mentions] == list(
        zip(book["doc"], book["paragraph"], book["entity"], strict=True)
    )
    expressions = datefinder.date_expressions(body, corpus.load_catalogue(root))
    columns = ["doc", "paragraph", "expression", "kind", "resolved"]
    assert [(d, n, *e) for d, n, r in found for e in r.dates] == list(expressions[columns].itertuples(index=False))


def test_reader_agrees_on_synthetic_documents(root):
    # whole documents of many paragraphs, as the benchmark reads them
    import pandas as pd

    from natoar.tools.benchmark import synthetic_corpus

    docs = synthetic_corpus(30)
    body = pd.DataFrame({"doc": [f"d{i:02d}" for i in range(30)], "paragraph": 1, "text": docs})
    reader = Reader(load_table("theme_lexicon", root), load_table("aliases", root))
    written = parse_date("2020-12-25")
    readings = [reader.read(text, written, Counter()) for text in docs]
    book = mentions(body, build_matcher(load_table("aliases", root)))
    assert [(d, e) for d, r in zip(body["doc"], readings, strict=True) for e, *_ in r.mentions] == list(
        zip(book["doc"], book["entity"], strict=True)
    )
    catalogue = pd.DataFrame({"id": body["doc"], "date_iso": "2020-12-25"})
    expressions = datefinder.date_expressions(body, catalogue)
    columns = ["doc", "expression", "kind", "resolved"]
    assert [(d, *e) for d, r in zip(body["doc"], readings, strict=True) for e in r.dates] == list(
        expressions[columns].itertuples(index=False)
    )
    themes = textstats.theme_counts(body, load_table("theme_lexicon", root)).set_index("theme")
    for doc, reading in zip(body["doc"], readings, strict=True):
        assert {t: n for t, n in themes[doc].items() if n} == dict(reading.themes)


def _hostile_texts(n: int = 300) -> list[str]:
    """Seeded random strings over an alphabet chosen to break tokenisers: Arabic letters, diacritics and
    tatweel, digits of three scripts, dashes and brackets, every kind of whitespace, format characters,
    presentation forms, Latin, emoji and NUL; some words of the lexicon and aliases are mixed in."""
    import random

    pieces = [
        *"ابتثجحخدذرسشصضطظعغفقكلمنهويءآأؤإئةى",
        *"\u064b\u064e\u0650\u0651\u0652\u0640",
        *"0123456789٠١٢٣٤٥٦٧٨٩۰۱۲",
        *"-–—()«»،؛.:!؟\"'/",
        *" \t\n\r\u00a0\u2003\u3000\u202f\x1c\x85\u2028",
        *"\u200b\u200c\u200d\u200f\u202b\ufeff",
        "\ufee0\ufe8e",
        "x",
        "NATO",
        "😀",
        "\x00",
        " الناتو ",
        " حلف شمال الأطلسي ",
        " للمغرب ",
        " الإرهابية ",
        " في مايو 2014 ",
        " 2020-2030 ",
        " أمس ",
    ]
    rng = random.Random(7)
    return ["".join(rng.choices(pieces, k=rng.randint(0, 60))) for _ in range(n)]


def test_reader_agrees_with_the_book_on_hostile_text(root):
    from natoar.text.tokens import Vocabulary, split, words

    reader = Reader(load_table("theme_lexicon", root), load_table("aliases", root))
    matcher = build_matcher(load_table("aliases", root))
    written = parse_date("2020-12-25")
    for sample in _hostile_texts():
        found = Vocabulary().read(sample)
        assert [w.written for w in found] == [raw.lstrip() for raw in split(sample)], repr(sample)
        tally: Counter = Counter()
        reading = reader.read(sample, written, tally)
        assert reader.word_counts(tally) == Counter(words(sample)), repr(sample)
        assert [e for e, *_ in reading.mentions] == [e for e, *_ in matcher.find(sample)], repr(sample)
        assert reading.dates == datefinder.find_dates(sample, "2020-12-25"), repr(sample)


@pytest.mark.scale
def test_benchmark_command_reports_both_stages_and_their_ratio(capsys):
    import re

    from natoar.tools import benchmark

    benchmark.main([30])
    header, floor, pipeline, ratio = capsys.readouterr().out.splitlines()
    assert header.split()[:4] == ["documents", "MB", "stage", "seconds"]
    number = r"\d+(?:\.\d+)?"
    for line, stage in ((floor, "floor"), (pipeline, "pipeline")):  # every measure printed, as a number
        assert re.fullmatch(rf" *30 +{number} +{stage}(?: +{number}){{5}}", line), line
    assert re.fullmatch(rf" *30 +ratio +{number}x +\(median of 5 runs; range {number} to {number}\)", ratio), ratio
