"""Hostile and broken input: rendered as text or refused with a clear error, never half-processed."""

from __future__ import annotations

import hashlib
import os
import signal

import pandas as pd
import pytest
from markdown_it import MarkdownIt

from natoar.build.pages import render_page
from natoar.sources import corpus
from natoar.sources.book import load_book
from natoar.sources.errors import SeedError, TableError
from natoar.sources.furniture import classify_lines

SEED = "004_810da94f271c6378.txt"


def replace_seed(project, data: bytes) -> None:
    (project / "seeds" / SEED).write_bytes(data)
    path = project / "data" / "documents.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["file"] == SEED, "sha256"] = hashlib.sha256(data).hexdigest()
    frame.to_csv(path, index=False)


def original(root) -> str:
    return (root / "seeds" / SEED).read_text(encoding="utf-8")


def test_html_and_script_in_a_seed_render_as_text(project, root):
    hostile = "<script>alert('x')</script> فقرة <img src=x onerror=alert(1)> **عريض** [رابط](javascript:alert(1))"
    replace_seed(project, (original(root) + "\n" + hostile + "\n").encode())
    body = corpus.read_corpus(project).paragraphs
    doc = corpus.load_catalogue(project).set_index("id").loc["ici-doha-2011"].rename("x")
    doc["id"] = "ici-doha-2011"
    page = render_page(doc, body[body["doc"] == "ici-doha-2011"], 0)
    html = MarkdownIt("commonmark").render(page)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_endings_give_the_same_paragraphs(project, root, newline):
    expected = corpus.read_corpus(root).paragraphs
    replace_seed(project, original(root).replace("\n", newline).encode())
    got = corpus.read_corpus(project).paragraphs
    assert got["text"].tolist() == expected["text"].tolist()


def test_a_seed_truncated_inside_a_character_is_refused(project, root):
    data = original(root).encode()
    replace_seed(project, data[: len(data) // 2 + 1] if data[len(data) // 2] >= 0x80 else data[:-1] + b"\xd8")
    with pytest.raises(SeedError, match=f"{SEED}.*is not UTF-8") as err:
        corpus.read_corpus(project)
    assert "truncated" in str(err.value) and "iconv" not in str(err.value)  # converting would make mojibake


def test_a_seed_whose_every_line_is_furniture_is_told_so(project, root):
    headline = corpus.read_corpus(root).headlines.set_index("doc").loc["wales-2014", "text"]
    replace_seed(project, "\n".join([headline] * 40).encode())  # a page that only repeats its headline
    path = project / "data" / "documents.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[frame["file"] == SEED, "title_ar"] = headline
    frame.to_csv(path, index=False)
    with pytest.raises(SeedError, match="every line besides the headline was removed as site furniture"):
        corpus.read_corpus(project)


@pytest.mark.parametrize(("table", "column"), [("theme_lexicon", "form_ar"), ("aliases", "form_ar")])
def test_a_form_the_matchers_cannot_use_is_refused_before_any_notebook_runs(project, table, column):
    path = project / "data" / f"{table}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[1, column] = "،"
    frame.to_csv(path, index=False)
    with pytest.raises(TableError, match=rf"data/{table}.csv, line 3.*has no words"):
        load_book(project)


@pytest.mark.scale
def test_a_ten_megabyte_document_is_split_completely():
    paragraph = "وقال المتحدث إن الحلف مستعد لتعزيز التعاون مع الشركاء في مجال الأمن البحري ومكافحة الإرهاب."
    text = "العنوان\n\n" + "\n\n".join(f"{paragraph} {i}" for i in range(100_000))
    assert len(text.encode()) > 10_000_000
    lines = classify_lines(text, "العنوان")
    assert sum(line.role == "body" for line in lines) == 100_000


def test_ctrl_c_says_in_one_line_what_is_unchanged_instead_of_a_traceback(capsys):
    from natoar.sources.errors import exit_status

    def pressed() -> int:
        raise KeyboardInterrupt

    assert exit_status(pressed, "the published site is unchanged") == 130
    assert capsys.readouterr().err == "interrupted: the published site is unchanged\n"
    assert exit_status(lambda: 3, "nothing") == 3

    def broken_by_the_signal() -> int:  # a worker's error that reaches the command before its KeyboardInterrupt
        try:
            os.kill(os.getpid(), signal.SIGINT)
        except KeyboardInterrupt:
            raise AssertionError("the kernel client was gone") from None
        return 0

    assert exit_status(broken_by_the_signal, "seeds/ and data/ are unchanged") == 130
    assert capsys.readouterr().err == "interrupted: seeds/ and data/ are unchanged\n"
    with pytest.raises(ValueError):  # an error without an interrupt is the command's own
        exit_status(lambda: int("x"), "nothing")
