"""The official texts and scholarship: every entry has a public address and a stated point, and is cited."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = re.compile(r"@\w+\{(?P<key>[^,\s]+),(?P<body>.*?)\n\}", re.S)


def _entries() -> dict[str, str]:
    return {m["key"]: m["body"] for m in ENTRY.finditer((ROOT / "data" / "literature.bib").read_text(encoding="utf-8"))}


def _cited() -> set[str]:
    text = " ".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "chapters").rglob("*") if p.suffix in (".ipynb", ".md")
    )
    return {key.strip() for group in re.findall(r"\{cite:[a-z]+\}`([^`]+)`", text) for key in group.split(",")}


def test_every_entry_has_an_address_and_says_what_it_is_cited_for():
    for key, body in _entries().items():
        assert re.search(r"\b(url|doi)\s*=\s*\{\S+\}", body), f"{key}: no url or doi"
        assert re.search(r"note\s*=\s*\{Cited for: ", body), f"{key}: no note saying what it is cited for"


def test_every_entry_is_cited_in_the_book():
    assert set(_entries()) - _cited() == set()


def test_at_least_six_works_of_scholarship():
    scholarly = [k for k, body in _entries().items() if "author = {{NATO}}" not in body]
    assert len(scholarly) >= 6, scholarly
