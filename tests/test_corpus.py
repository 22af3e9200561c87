import hashlib
import re
import shutil

import pandas as pd
import pytest

from natoar.sources import corpus
from natoar.sources.errors import CatalogueError, SeedError


def test_catalogue_matches_seeds_byte_for_byte(root):
    catalogue = corpus.load_catalogue(root)
    assert len(catalogue) == len(list((root / "seeds").glob("*.txt")))
    for row in catalogue.itertuples():
        assert hashlib.sha256((root / "seeds" / row.file).read_bytes()).hexdigest() == row.sha256


def test_seeds_identical_to_shared_originals(root):
    shared = root.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for original in sorted(shared.glob("*.txt")):
        assert (root / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_paragraphs_numbered_from_one_without_gaps(root):
    body = corpus.read_corpus(root).paragraphs
    for _, group in body.groupby("doc"):
        assert group["paragraph"].tolist() == list(range(1, len(group) + 1))
        assert group["line"].is_monotonic_increasing


def test_known_paragraphs_are_stable(root):
    body = corpus.read_corpus(root).paragraphs
    assert corpus.paragraph_text(body, "wales-2014", 1).startswith("اتفق قادة حلف الناتو")
    assert corpus.paragraph_text(body, "ici-doha-2011", 1).startswith("في الكلمة الرئيسية")
    assert corpus.paragraph_text(body, "morocco-us-2020", 1).startswith("من ضمن المجالات المتعددة")
    with pytest.raises(KeyError, match="no paragraph 999"):
        corpus.paragraph_text(body, "wales-2014", 999)


def test_furniture_never_reaches_the_body(root):
    text = "\n".join(corpus.read_corpus(root).paragraphs["text"])
    for furniture in (
        "Quitter la version mobile",
        "Site icon",
        "#",
        "رابط مختصر",
        "اترك تعليق",
        "شروط التعليق",
        "آخر تحديث",
        "NATO Permanent Representatives",
    ):
        assert furniture not in text
    removed = corpus.read_corpus(root).furniture
    assert set(removed.loc[removed["doc"] == "nato-morocco-2024", "reason"]) >= {"pull quote", "outlet name"}
    assert "advertisement label" in set(removed.loc[removed["doc"] == "wales-2014", "reason"])


def test_normalised_column_is_separate(root):
    body = corpus.read_corpus(root).paragraphs
    assert (body["text"] != body["norm"]).any()
    assert not body["norm"].str.contains("أ").any()


def test_headlines_found(root):
    heads = corpus.read_corpus(root).headlines
    catalogue = corpus.load_catalogue(root)
    assert heads["doc"].tolist() == catalogue["id"].tolist()


# Bad input: each a clear error naming the file and the fix.


def _edit_catalogue(project, change):
    path = project / "data" / "documents.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = change(frame)
    frame.to_csv(path, index=False)
    return path


def test_missing_seed(project):
    (project / "seeds" / "001_56f98c8a3ec56dc3.txt").unlink()
    with pytest.raises(
        SeedError, match=r"001_56f98c8a3ec56dc3\.txt: the catalogue lists this seed but the file is missing"
    ):
        corpus.load_documents(project)


def test_altered_seed(project):
    with (project / "seeds" / "002_f7bd7c8e5b3f259c.txt").open("a", encoding="utf-8") as f:
        f.write("سطر مضاف\n")
    with pytest.raises(SeedError, match=r"002_f7bd7c8e5b3f259c\.txt: SHA-256 is [0-9a-f]{64}, the catalogue says"):
        corpus.load_documents(project)


def _replace_seed(project, name, data):
    (project / "seeds" / name).write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    _edit_catalogue(project, lambda f: f.assign(sha256=f["sha256"].where(f["file"] != name, digest)))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("حلف الناتو\n".encode("cp1256"), "is not UTF-8"),
        (b"\xef\xbb\xbf" + "حلف الناتو\n".encode(), "byte-order mark"),
        (b"", "is empty"),
    ],
)
def test_unreadable_seed_even_with_matching_hash(project, data, message):
    _replace_seed(project, "004_810da94f271c6378.txt", data)
    with pytest.raises(SeedError, match=message) as err:
        corpus.load_documents(project)
    assert "004_810da94f271c6378.txt" in str(err.value)


def test_file_without_row(project):
    shutil.copy(project / "seeds" / "004_810da94f271c6378.txt", project / "seeds" / "005_new.txt")
    with pytest.raises(CatalogueError, match=r"005_new\.txt: this seed has no row in the catalogue. Fix: add a row"):
        corpus.load_catalogue(project)


def test_row_without_file(project):
    def add_row(frame):
        extra = frame.iloc[[0]].assign(id="ghost", file="999_ghost.txt")
        return pd.concat([frame, extra])

    _edit_catalogue(project, add_row)
    with pytest.raises(SeedError, match=r"999_ghost\.txt: the catalogue lists this seed but the file is missing"):
        corpus.load_documents(project)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("id", "cable-2014", "already used on line 2"),
        ("date_iso", "2014-02-30", "day is out of range"),
        ("genre", "blog", "not one of"),
        ("sha256", "abc", "does not match"),
        ("events_to", "1990", "events_to is before events_from"),
    ],
)
def test_bad_catalogue_rows_name_line_and_column(project, column, value, message):
    path = _edit_catalogue(project, lambda f: f.assign(**{column: f[column].where(f["id"] != "wales-2014", value)}))
    with pytest.raises(CatalogueError, match=message) as err:
        corpus.load_catalogue(project)
    assert str(path) in str(err.value)
    assert "line 3" in str(err.value)


def test_title_not_in_seed(project):
    _edit_catalogue(project, lambda f: f.assign(title_ar=f["title_ar"].where(f["id"] != "wales-2014", "عنوان آخر")))
    with pytest.raises(CatalogueError, match="the title of 'wales-2014' is not a line"):
        corpus.read_corpus(project)


def test_document_with_no_arabic(project):
    text = "قادة الناتو يتفقون على إحياء شراكة الحلف مع العراق\n\nOnly English text here.\n"
    _replace_seed(project, "001_56f98c8a3ec56dc3.txt", text.encode())
    with pytest.raises(SeedError, match="no Arabic article text"):
        corpus.read_corpus(project)


@pytest.mark.parametrize("name", ["005_new.TXT", "notes.md", "README", ".DS_Store"])
def test_a_file_in_seeds_that_is_not_a_txt_seed_is_refused(project, name):
    shutil.copy(project / "seeds" / "004_810da94f271c6378.txt", project / "seeds" / name)
    with pytest.raises(CatalogueError, match=re.escape(f"{name}: this is a")) as err:
        corpus.load_catalogue(project)
    assert "that is not a *.txt seed, so the book would ignore it. Fix: if it is a seed, rename it" in str(err.value)


def test_a_folder_in_seeds_is_refused(project):
    (project / "seeds" / "old").mkdir()
    with pytest.raises(CatalogueError, match=r"old: this is a folder in seeds/"):
        corpus.load_catalogue(project)
