"""The Arabic edition's catalogs (locales/ar/): every entry translated, none fuzzy, MyST markup kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = ROOT / "locales" / "ar" / "LC_MESSAGES"

# Catalogs still being translated (phase 1 of issue 16 translated the rest). Phase 2 empties this set; a catalog
# listed here that is complete fails `test_pending_catalogs_are_really_pending`, so the list can only shrink.
PENDING: set[str] = set()
# A role or directive with its target: `{ref}`x``, `{glue:text}`key``; links `[text](target)`; MyST labels.
MARKUP = re.compile(r"\{[a-z:]+\}`[^`]*`|\]\([^)]*\)|\([a-z0-9-]+\)=|`[^`]*`")
# A glued value: the Arabic text names the notebook and the format (`{glue:text}`x.ipynb::key_ar:s``, since Sphinx
# parses a msgstr apart from its notebook, where only a reference by path finds the glue), and may use the key's
# Arabic variant.
GLUE = re.compile(r"(\{glue:[a-z]+\}`)(?:[^`:]+::)?([^`:]+?)(?:_ar)?(?::[^`:]*)?`")
# A role's shown title may be translated; its target may not: {term}`Strategic Concept <target>` -> {term}`<target>`.
TITLED = re.compile(r"(\{[a-z:]+\}`)[^`<]*(<[^`>]+>`)")


def catalogs() -> dict[str, list]:
    found = {}
    for path in sorted(CATALOGS.rglob("*.po")):
        with path.open("rb") as file:
            found[path.relative_to(CATALOGS).with_suffix("").as_posix()] = [m for m in read_po(file) if m.id]
    return found


def test_there_is_a_catalog_per_page():
    names = set(catalogs())
    assert {"chapters/intro", "chapters/how-to-cite", "chapters/data/events", "chapters/wales-dcb"} <= names
    assert names >= PENDING


@pytest.mark.parametrize("name", sorted(set(catalogs()) - PENDING))
def test_catalog_is_complete_and_not_fuzzy(name):
    messages = catalogs()[name]
    assert [m.id for m in messages if not m.string] == [], f"{name}: untranslated"
    assert [m.id for m in messages if m.fuzzy] == [], f"{name}: fuzzy (the English changed): review and unmark"


def test_pending_catalogs_are_really_pending():
    found = catalogs()
    complete = sorted(n for n in PENDING if all(m.string and not m.fuzzy for m in found[n]))
    assert complete == [], "translated: remove them from PENDING"


def markup(text: str) -> list[str]:
    """Return the roles, references, links and literals of a MyST string, glue keys without their language."""
    return sorted(MARKUP.findall(TITLED.sub(r"\1\2", GLUE.sub(r"\1\2`", text))))


@pytest.mark.parametrize("name", sorted(catalogs()))
def test_translation_keeps_the_markup(name):
    changed = {m.id[:60]: (markup(m.id), markup(m.string)) for m in catalogs()[name] if m.string}
    assert {k: v for k, v in changed.items() if v[0] != v[1]} == {}


def test_the_markup_check_can_fail():
    assert markup("See {ref}`ch-sources` and `x`.") != markup("انظر {ref}`ch-source`.")
    assert markup("{glue:text}`n` words") == markup("{glue:text}`x.ipynb::n_ar:s` كلمة")
    assert markup("{glue:text}`n` words") != markup("{glue:text}`x.ipynb::m_ar:s` كلمة")
    assert markup("{term}`Concept <Lisbon>`") == markup("{term}`المفهوم <Lisbon>`") != markup("{term}`x <Rome>`")
