"""The book's two editions, English and Arabic, built from one source: the Arabic edition's configuration, and
where each edition sits in the published site.

`make html` (natoar.build.html) builds the English edition with `_config.yml` and the Arabic one with the
configuration this module writes to `_build/config-ar.yml` (the same file with the Arabic title and `language: ar`);
the Arabic prose comes from the gettext catalogs in `locales/ar/`. Both read the notebooks' outputs from the same
cache, so notebooks run once. `natoar.build.publish` then moves the Arabic site into `ar/` of the English one and
publishes both at once.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from natoar.sources.paths import project_root

CONFIG = Path("_config.yml")
SOURCE_LANGUAGE = "en"
# Each edition's folder in the published site, relative to its root ("" for the English edition).
EDITIONS = {"en": "", "ar": "ar/"}
TITLE_KEYS = {"ar": "natoar_title_ar"}
# Where _config.yml gives each edition's footer (html.extra_footer) in its language.
FOOTER_KEYS = {"ar": "natoar_footer_ar"}
# The code toggle's words (myst-nb's nb_code_prompt_show/hide) in each edition other than the English one.
CODE_PROMPTS = {"ar": ("اعرض الشيفرة", "أخفِ الشيفرة")}
# How captions number figures and tables in each edition other than the English one (Sphinx's numfig_format;
# its Arabic catalog leaves "Fig. %s" in English, which also turned a caption's line left to right).
NUMBERING = {"ar": {"figure": "الشكل %s", "table": "الجدول %s", "code-block": "الشيفرة %s", "section": "القسم %s"}}


# The seeds' bibliography, which natoar.build.pages writes once per edition, in its language; _config.yml names the
# English one in bibtex_bibfiles, and the other editions read theirs in its place (any other .bib file is shared).
BIBLIOGRAPHY = Path("chapters") / "references.bib"


def edition_file(path: str | Path, language: str) -> str:
    """Return the file that the edition in `language` reads in place of `path`: the bibliography of the seeds in that
    language (`<stem>.<language><suffix>`), and any other file, or any file in English, as it is."""
    path = Path(path)
    if language == SOURCE_LANGUAGE or path != BIBLIOGRAPHY:
        return path.as_posix()
    return path.with_suffix(f".{language}{path.suffix}").as_posix()


def book_config(root: Path | None = None) -> dict:
    """Return _config.yml as a dictionary."""
    path = project_root(root) / CONFIG
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def title(language: str, root: Path | None = None) -> str:
    """Return the book's title in `language`: `title` of _config.yml in English, `natoar_title_<lang>` otherwise."""
    config = book_config(root)
    if language == SOURCE_LANGUAGE:
        return str(config["title"])
    key = TITLE_KEYS.get(language)
    value = (config.get("sphinx", {}).get("config", {}) or {}).get(key) if key else None
    if not value:
        raise ValueError(f"{CONFIG}: sphinx.config.{key or 'natoar_title_' + language} is missing. Fix: add the "
                         f"book's title in that language")
    return str(value)


def edition_config(language: str, root: Path | None = None) -> dict:
    """Return the configuration of the edition in `language`: _config.yml with its title and language."""
    if language not in EDITIONS:
        raise ValueError(f"no edition in '{language}'; the editions are {', '.join(EDITIONS)}")
    config = book_config(root)
    config["title"] = title(language, root)
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["language"] = language
    if language in CODE_PROMPTS:
        sphinx["nb_code_prompt_show"], sphinx["nb_code_prompt_hide"] = CODE_PROMPTS[language]
    if language in NUMBERING:
        sphinx["numfig_format"] = NUMBERING[language]
    config["bibtex_bibfiles"] = [edition_file(path, language) for path in config.get("bibtex_bibfiles", [])]
    footer = sphinx.get(FOOTER_KEYS.get(language, ""))
    if footer:
        config.setdefault("html", {})["extra_footer"] = footer
    return config


def write_config(language: str, root: Path | None = None) -> Path:
    """Write the configuration of the edition in `language` to `_build/config-<lang>.yml`; return its path."""
    root = project_root(root)
    path = root / "_build" / f"config-{language}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(edition_config(language, root), allow_unicode=True, sort_keys=False)
    path.write_text(f"# Written by natoar.build.editions from {CONFIG}: edit that file, not this one.\n{text}",
                    encoding="utf-8")
    return path
