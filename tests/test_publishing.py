"""Publishing a finished build: the new site takes the place of the old in one step, and nothing of the old
site, nor of the build it came from, is left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from natoar.build import publish


def finished_build(root: Path, text: str) -> None:
    """Write a finished build of every edition, as `make html` leaves it, its pages saying `text`."""
    for language in publish.EDITIONS:
        folder = root / publish.edition_build(language)
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(f"{text} {language}", encoding="utf-8")


def site(root: Path) -> dict[str, str]:
    folder = root / publish.SITE
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.html"))}


@pytest.mark.parametrize("one_step", [True, False], ids=["exchanged", "renamed"])
def test_a_new_site_replaces_the_old_and_leaves_nothing_behind(tmp_path, monkeypatch, one_step):
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "seeds").mkdir()  # what marks a book's root
    if not one_step:  # a system without renameat2: two renames
        monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    finished_build(tmp_path, "old")
    publish.publish(tmp_path)
    finished_build(tmp_path, "new")
    publish.publish(tmp_path)
    assert set(site(tmp_path).values()) == {f"new {language}" for language in publish.EDITIONS}
    assert sorted(p.name for p in (tmp_path / "_build").iterdir()) == ["html"]


def test_two_folders_are_exchanged_in_one_step_on_this_system(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "name").write_text(folder.name, encoding="utf-8")
    assert publish.exchange(first, second)
    assert ((first / "name").read_text(encoding="utf-8"), (second / "name").read_text(encoding="utf-8")) == ("b", "a")
    assert not publish.exchange(first, tmp_path / "missing")  # nothing to exchange with: nothing changed
    assert (first / "name").read_text(encoding="utf-8") == "b"
