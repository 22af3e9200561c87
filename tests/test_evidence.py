"""The curated tables: every quote proven against its seed, every schema and link checked, bad rows refused."""

import csv
import re

import pytest

from natoar.report.curation import curated_ids
from natoar.sources import corpus
from natoar.sources.errors import TableError
from natoar.sources.evidence import evidence_tables, load_evidence, seed_tables, uncovered_numbers


@pytest.fixture(scope="module")
def tables(root):
    return load_evidence(root)


def test_every_table_loads_with_rows(tables, root):
    assert set(tables) == set(evidence_tables(root))
    assert all(len(t) > 0 for t in tables.values())


def test_every_quote_occurs_in_its_cited_paragraph(tables, root):
    body = corpus.read_corpus(root).paragraphs
    heads = corpus.read_corpus(root).headlines.set_index("doc")["text"]
    for name in seed_tables(root):
        for row in tables[name].itertuples():
            text = heads[row.seed] if row.paragraph == 0 else corpus.paragraph_text(body, row.seed, row.paragraph)
            assert row.quote in text, (name, row.line)


def test_every_number_a_curated_document_states_is_covered(tables, root):
    curated = curated_ids(corpus.load_catalogue(root))
    uncovered = uncovered_numbers(root, tables)
    assert uncovered[uncovered["doc"].isin(curated)].empty


def test_a_number_word_in_the_accusative_is_a_stated_number():
    from natoar.sources.evidence import _NUMBER

    found = [m.group() for m in _NUMBER.finditer("وشهدت قطر ثلاثا من الفعاليات وثلاث زيارات")]
    assert found == ["ثلاثا", "وثلاث"]  # a number word with its conjunction, as the regex always took it


def test_each_curated_seed_contributes_events_topics_and_actors(tables, root):
    ids = set(curated_ids(corpus.load_catalogue(root)))
    for name in ("events", "topics", "actors"):
        assert ids <= set(tables[name]["seed"]), name


def test_known_facts_are_recorded(tables):
    events = tables["events"].set_index("id")
    assert events.loc["african-lion-2024", "date"] == "2024-05"
    assert events.loc["ports-18c", "date"] == "17XX"
    members = tables["memberships"]
    ici = set(members[(members["framework"] == "ici") & (members["role"] == "partner")]["country"])
    assert ici == {"qatar", "uae", "kuwait", "bahrain"}
    claims = tables["claims"].set_index("id")
    assert claims.loc["wales-interoperability-partners", "value_min"] == 24
    checks = tables["reference/checks"].set_index("id")
    assert checks.loc["cardiff", "verdict"] == "imprecise"


def test_every_reference_row_names_a_public_source(tables):
    for name in ("reference/nato_members", "reference/partners", "reference/summits", "reference/context"):
        assert tables[name]["source_url"].str.match(r"https?://").all()
        assert (tables[name]["source_title"].str.len() > 5).all()


# Bad rows: each refused with the table, the line, the column and the reason.


def edit(project, name, row_id, column, value, key="id"):
    path = project / "data" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    target = next(i for i, r in enumerate(rows) if r[key] == row_id)
    rows[target][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path, target + 2


@pytest.mark.parametrize(
    ("name", "row_id", "column", "value", "message"),
    [
        ("events", "mnna-2004", "date", "2004-13", "column 'date' '2004-13': month 13 does not exist"),
        ("events", "mnna-2004", "status", "rumoured", "column 'status' 'rumoured' is not one of"),
        ("events", "mnna-2004", "id", "sept-11", "column 'id' 'sept-11' is already used"),
        ("events", "mnna-2004", "event_en", "", "column 'event_en' is empty but required"),
        (
            "events",
            "mnna-2004",
            "actors",
            "morocco;atlantis",
            "column 'actors' 'morocco;atlantis' names an unknown actor",
        ),
        (
            "events",
            "mnna-2004",
            "framework",
            "warsaw-pact",
            "column 'framework' 'warsaw-pact' is not the id of any row in data/frameworks.csv",
        ),
        ("events", "mnna-2004", "seed", "no-such-doc", "column 'seed' 'no-such-doc' is not the id of any row in"),
        ("events", "mnna-2004", "quote", "نص غير موجود", "quote not found in morocco-us-2020 ¶3; it does not occur"),
        ("events", "mnna-2004", "paragraph", "4", "quote not found in morocco-us-2020 ¶4; it occurs in paragraph 3"),
        ("events", "mnna-2004", "paragraph", "99", "morocco-us-2020 has no paragraph 99"),
        ("actors", "esper", "name_ar", "إسبرت", "column 'name_ar' 'إسبرت' does not occur in the row's quote, nor is"),
        ("actors", "russia", "quote", "تمديد نفوذها", "column 'name_ar' 'روسيا' does not occur in the row's quote"),
        ("actors", "esper", "country", "atlantis", "column 'country' 'atlantis' is not a country in actors"),
        ("claims", "wales-md-partners", "value_max", "6", "column 'value_max' 6 is below value_min 7"),
        ("frameworks", "ipcp", "launched", "2010", "'launched_basis' is required exactly when 'launched' is given"),
        ("reference/summits", "lisbon-2010", "source_url", "nato.int", "column 'source_url' 'nato.int' does not match"),
        (
            "glosses",
            "الناتو",
            "term",
            "النّاتو",
            "column 'term' 'النّاتو' is not one normalised word (as counted: 'الناتو')",
        ),
        ("glosses", "الناتو", "term", "حلف الناتو", "is not one normalised word"),
    ],
)
def test_bad_rows(project, name, row_id, column, value, message):
    key = "term" if name == "glosses" else "id"
    path, line = edit(project, name, row_id, column, value, key)
    with pytest.raises(TableError, match=re.escape(message)) as err:
        load_evidence(project)
    assert str(path) in str(err.value)
    assert f"line {line}" in str(err.value) or "already used" in str(err.value)


def test_topic_outside_vocabulary(project):
    _, line = edit(project, "topics", "wales-2014", "topic", "space-race", key="seed")
    with pytest.raises(TableError, match=f"line {line}: column 'topic' 'space-race' is not the topic of any row in"):
        load_evidence(project)


def test_duplicate_topic_for_a_seed(project):
    edit(project, "topics", "wales-2014", "topic", "training-education", key="seed")
    with pytest.raises(TableError, match=r"\(seed=wales-2014, topic=training-education\) appears twice"):
        load_evidence(project)


def test_alias_for_unknown_entity(project):
    edit(project, "aliases", "kosovo", "entity", "narnia", key="entity")
    with pytest.raises(TableError, match="'narnia' is neither an actor nor a framework"):
        load_evidence(project)


def test_actor_without_alias(project):
    edit(project, "aliases", "kosovo", "entity", "georgia", key="entity")
    with pytest.raises(
        TableError, match=r"actors\.csv, line \d+: column 'id' 'kosovo' has no row in data/aliases\.csv"
    ):
        load_evidence(project)


def test_quote_no_longer_in_a_changed_seed(project):
    import hashlib

    seed = project / "seeds" / "004_810da94f271c6378.txt"
    text = seed.read_text(encoding="utf-8").replace("كمراقبيْن", "كضيفين")
    seed.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(seed.read_bytes()).hexdigest()
    catalogue = project / "data" / "documents.csv"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace(
            "5370132439fce4f1695d63f210afc9c3b1f57fe6c162f875a098d290d496db56", digest
        ),
        encoding="utf-8",
    )
    with pytest.raises(TableError, match="quote not found in ici-doha-2011 ¶2"):
        load_evidence(project)


QUOTE = "تقترح منظمة حلف شمال الأطلسي أن يستفيد المغرب من مبادرة جديدة للقدرات الدفاعية"


@pytest.mark.parametrize(
    ("quote", "paragraph", "difference"),
    [
        (QUOTE.replace("الأطلسي", "الاطلسي"), "3", "¶3 except for letter forms (hamza"),
        (QUOTE.replace("حلف", "حل\u200dف"), "3", "¶3 except for invisible characters or white space (the quote holds "
         "U+200D ZERO WIDTH JOINER)"),
        (QUOTE.replace("شمال ", "شمال\u00a0"), "3", "the quote holds U+00A0 NO-BREAK SPACE"),
        (QUOTE.replace("المغرب ", "المغرب\n"), "3", "the quote holds U+000A LINE FEED"),
        (QUOTE.replace("الأطلسي", "الاطلسي"), "4", "¶3 except for letter forms"),
    ],
)
def test_a_near_miss_quote_is_shown_as_the_seed_writes_it(project, quote, paragraph, difference):
    edit(project, "passages", "dcb-offer", "quote", quote)
    edit(project, "passages", "dcb-offer", "paragraph", paragraph)
    with pytest.raises(TableError, match=f"quote not found in cable-2014 ¶{paragraph}; it matches ") as err:
        load_evidence(project)
    assert difference in str(err.value)
    assert f"the seed has: {QUOTE}. Fix: copy the quote exactly" in str(err.value)


def test_a_paragraph_out_of_range_names_the_range(project):
    edit(project, "topics", "cable-2014", "paragraph", "999", key="seed")
    with pytest.raises(TableError, match=re.escape("cable-2014 has no paragraph 999; it has paragraphs 1–30 (0 is")):
        load_evidence(project)


def test_a_foreign_key_fix_reads_as_english(project):
    edit(project, "events", "mnna-2004", "framework", "warsaw-pact")
    with pytest.raises(TableError, match=re.escape("Fix: use the id of a row of data/frameworks.csv, or add the row")):
        load_evidence(project)
