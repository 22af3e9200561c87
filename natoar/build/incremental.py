"""A Sphinx extension for rebuilds that write only what changed and still give the bytes of a clean build.

`make html` keeps each edition's Sphinx working folder between builds (natoar.build.workdir), so that Sphinx reads
again only the pages whose sources changed and writes only those. Left to itself, Sphinx 7.4 would get three
things wrong in this book; each is mended here:

- A notebook page's outputs come from the build's cache, not from its file, so Sphinx would not see them change.
  Each notebook page records the digest of the outputs it was read with (natoar.build.execute stores it with the
  cached notebook), and is read again when the cache holds other outputs.
- A page shows more than its own source: the navigation (every page's title, number and place in the table of
  contents) and the targets of its cross-references (labels with their titles or captions, glossary terms,
  citations). When the navigation changed, every page is written again from the complete environment; when a
  target changed or went away, every page that refers to it. A new target alone needs nothing: no unchanged page
  can point to it, since the build treats a broken reference as an error.
- Sphinx forgets the index entries (glossary terms) of the pages it does not write again, so the search index
  would lose them (sphinx-doc/sphinx#12599). They are kept beside the doctrees and given back to the index
  before it is written, in the order a clean build feeds them; words that no page holds any more leave it.
- Sphinx never removes what an earlier build wrote: a figure whose notebook drew it anew, or the page of a
  source file that went away. After a build, the output keeps only the pages, images and downloads of the
  pages the project has now.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

INDEX_ENTRIES = "natoar-index-entries.json"


def cached_outputs(root: Path) -> dict[str, str]:
    """Return the digest of each cached notebook's outputs, by the notebook's path in the project."""
    from jupyter_cache import get_cache

    from natoar.build.cache import CACHE
    from natoar.build.execute import NOTEBOOK, OUTPUTS_DIGEST

    folder = root / CACHE
    if not folder.is_dir():
        return {}
    data = [r.data or {} for r in get_cache(str(folder)).list_cache_records()]
    return {d[NOTEBOOK]: d.get(OUTPUTS_DIGEST, "") for d in data if NOTEBOOK in d}


def notebooks_with_other_outputs(
    notebooks: dict[str, str], digests: dict[str, str], read_with: dict[str, str]
) -> list[str]:
    """Return the pages among `notebooks` (docname: notebook's path) whose cached outputs (`digests`, by path) are
    not those they were read with (`read_with`, by docname)."""
    return sorted(doc for doc, path in notebooks.items() if digests.get(path) != read_with.get(doc))


def _notebook_path(env: BuildEnvironment, docname: str) -> str | None:
    path = Path(env.doc2path(docname))
    return path.relative_to(env.srcdir).as_posix() if path.suffix == ".ipynb" else None


def _notebooks_with_new_outputs(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Return the notebook pages whose cached outputs differ from those they were read with; remember the state of
    what pages show of one another, to compare once the changed pages are read."""
    env.natoar_before = cross_page_state(env)
    env.natoar_digests = cached_outputs(Path(app.srcdir))
    unchanged = {doc: _notebook_path(env, doc) for doc in sorted(env.found_docs - added - changed)}
    notebooks = {doc: path for doc, path in unchanged.items() if path}
    return notebooks_with_other_outputs(notebooks, env.natoar_digests, getattr(env, "natoar_outputs", {}))


def _record_outputs(app: Sphinx, doctree: object) -> None:
    """Note the outputs a notebook page was read with."""
    env = app.env
    path = _notebook_path(env, env.docname)
    if path:
        if not hasattr(env, "natoar_outputs"):
            env.natoar_outputs = {}
        env.natoar_outputs[env.docname] = env.natoar_digests.get(path)


def _text(node: object) -> str:
    return node.astext() if hasattr(node, "astext") else repr(node)


def cross_page_state(env: BuildEnvironment) -> tuple[dict, dict]:
    """Return what a page may show of other pages: the navigation, and every cross-reference target by key."""
    navigation = {
        "titles": {d: _text(t) for d, t in sorted(env.titles.items())},
        "longtitles": {d: _text(t) for d, t in sorted(env.longtitles.items())},
        "toctree": {d: list(v) for d, v in sorted(env.toctree_includes.items())},
        "numbers": {d: repr(n.get("")) for d, n in sorted(env.toc_secnumbers.items())},
        "figures": {d: repr(sorted((k, sorted(v.items())) for k, v in n.items()))
                    for d, n in sorted(env.toc_fignumbers.items())},
    }
    targets = {}
    std = env.domaindata.get("std", {})
    for table in ("labels", "anonlabels", "objects", "progoptions"):
        for key, value in std.get(table, {}).items():
            name = key if isinstance(key, str) else key[-1]  # objects: (type, name), such as ("term", "PfP")
            targets[("std", table, name.lower(), repr(key))] = repr(value)
    for key, (docname, labelid, _line) in env.domaindata.get("citation", {}).get("citations", {}).items():
        targets[("citation", "citations", key.lower(), key)] = repr((docname, labelid))
    for citation in env.domaindata.get("cite", {}).get("citations", []):
        # str(), not render_as(): pybtex looks its plugins up again on every render, seconds over a long bibliography
        tooltip = str(citation.tooltip_entry.text) if citation.tooltip_entry else ""
        targets[("cite", "citations", citation.key.lower(), citation.key)] = repr(
            (citation.citation_id, citation.bibliography_key, citation.formatted_entry.label, tooltip)
        )
    return navigation, targets


def references(doctree: nodes.Node) -> set[str]:
    """Return every target name a page's cross-references carry, in lower case (a citation role's keys apart)."""
    names = set()
    for node in doctree.findall(addnodes.pending_xref):
        for attribute in ("reftarget", "reftargetid"):
            value = node.get(attribute)
            if isinstance(value, str):
                names |= {part.strip().lower() for part in value.split(",")} | {value.lower()}
    return names


def what_changed(before: tuple[dict, dict], after: tuple[dict, dict]) -> tuple[str, set[str]]:
    """Return what pages show of one another that changed between `before` and `after`: the navigation, in words
    (else ""), and the names of the cross-reference targets that changed or went away."""
    (nav_before, targets_before), (nav_after, targets_after) = before, after
    navigation = ""
    for part in sorted(set(nav_before) | set(nav_after)):
        old, new = nav_before.get(part, {}), nav_after.get(part, {})
        if old != new:
            pages = sorted(d for d in set(old) | set(new) if old.get(d) != new.get(d))
            navigation = f"the navigation ({part} of {', '.join(pages[:3])}{' ...' if len(pages) > 3 else ''})"
            break
    targets = {key[2] for key, value in targets_before.items() if targets_after.get(key) != value}
    return navigation, targets


def pages_to_write_again(
    before: tuple[dict, dict], after: tuple[dict, dict], refers_to: dict[str, set[str]]
) -> list[str]:
    """Return the pages (of `refers_to`: each page's target names) that must be written again because of what
    changed between `before` and `after`: every page if the navigation changed, else the pages that refer to a
    target that changed or went away."""
    navigation, targets = what_changed(before, after)
    if navigation:
        return sorted(refers_to)
    return sorted(page for page, names in refers_to.items() if names & targets)


def _forget_digests(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Drop the digests noted for this build's reading before the environment is saved."""
    env.natoar_digests = None
    return []


def _record_references(app: Sphinx, doctree: nodes.document) -> None:
    """Note the targets a page refers to."""
    if not hasattr(app.env, "natoar_references"):
        app.env.natoar_references = {}
    app.env.natoar_references[app.env.docname] = references(doctree)


def _write_what_depends_on_changes(app: Sphinx, env: BuildEnvironment) -> list[str]:
    before = getattr(env, "natoar_before", None)
    env.natoar_before = None
    if before is None or not before[0]["titles"]:  # a first build writes every page anyway
        return []
    after = cross_page_state(env)
    known = getattr(env, "natoar_references", {})
    refers_to = {page: known.get(page, set()) for page in sorted(env.found_docs)}
    pages = pages_to_write_again(before, after, refers_to)
    navigation, targets = what_changed(before, after)
    if navigation:
        logger.info(f"natoar: {navigation} changed: every page is written again")
    elif pages:
        logger.info(f"natoar: {len(pages)} pages refer to a changed target ({', '.join(sorted(targets)[:3])}"
                    f"{' ...' if len(targets) > 3 else ''}): written again")
    return pages


def _note_written(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object) -> None:
    if doctree is not None:
        app.builder.natoar_written = getattr(app.builder, "natoar_written", set()) | {pagename}


def _restore_index_entries(app: Sphinx) -> list:
    """Give the search index the entries of the pages not written in this build, in a clean build's order."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return []
    kept_file = Path(app.doctreedir) / INDEX_ENTRIES
    kept = json.loads(kept_file.read_text(encoding="utf-8")) if kept_file.is_file() else {}
    written = getattr(app.builder, "natoar_written", set())
    entries = {}
    for docname in sorted(app.env.found_docs):
        if docname in written:
            entries[docname] = indexer._index_entries.get(docname, [])
        elif docname in kept:
            entries[docname] = [tuple(e) for e in kept[docname]]
        elif docname in indexer._index_entries:
            entries[docname] = indexer._index_entries[docname]
    indexer._index_entries = {d: e for d, e in entries.items() if e}
    for mapping in (indexer._mapping, indexer._title_mapping):
        for word in [w for w, docnames in mapping.items() if not docnames]:
            del mapping[word]
    return []


def stale_outputs(outdir: Path, env: BuildEnvironment, suffix: str = ".html") -> list[Path]:
    """Return the files an earlier build left in `outdir` that a clean build would not write: pages of documents
    the project no longer has, and images and downloads that no page uses any more."""
    stale = []
    for page in outdir.rglob(f"*{suffix}"):
        relative = page.relative_to(outdir)
        if relative.parts[0].startswith("_"):
            continue
        docname = relative.with_suffix("").as_posix()
        if docname not in env.found_docs and docname not in ("genindex", "search", "index", "py-modindex"):
            stale.append(page)
    sources = outdir / "_sources"  # a copy of each page's source, named <docname>.<suffix>[.txt]
    for path in sorted(sources.rglob("*")) if sources.is_dir() else []:
        relative = path.relative_to(sources)
        docname = relative.with_name(relative.name.split(".")[0]).as_posix()
        if path.is_file() and docname not in env.found_docs:
            stale.append(path)
    images = {unique for _docnames, unique in env.images.values()}
    downloads = {unique for _docnames, unique in env.dlfiles.values()}
    for folder, wanted in (("_images", images), ("_downloads", downloads)):
        for path in sorted((outdir / folder).rglob("*")) if (outdir / folder).is_dir() else []:
            if path.is_file() and path.relative_to(outdir / folder).as_posix() not in wanted:
                stale.append(path)
    return sorted(stale)


def _finish(app: Sphinx, exception: Exception | None) -> None:
    """Keep the index entries for the next build, and remove what earlier builds left that this one would not."""
    if exception is not None or app.builder.format != "html":
        return
    for path in stale_outputs(Path(app.outdir), app.env, app.builder.out_suffix):
        path.unlink()
    indexer = getattr(app.builder, "indexer", None)
    if indexer is not None:
        kept = {d: [list(e) for e in entries] for d, entries in sorted(indexer._index_entries.items())}
        (Path(app.doctreedir) / INDEX_ENTRIES).write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")


def setup(app: Sphinx) -> dict:
    """Register the checks that make an incremental build write what a clean one would."""
    app.connect("env-get-outdated", _notebooks_with_new_outputs)
    app.connect("doctree-read", _record_outputs)
    # once Sphinx has numbered sections and figures (its own env-get-updated, at the default priority), and after
    # sphinxcontrib-bibtex has formatted the citations (at env-updated)
    app.connect("env-get-updated", _write_what_depends_on_changes, priority=900)
    app.connect("doctree-read", _record_references)
    app.connect("env-updated", _forget_digests)
    app.connect("html-page-context", _note_written)
    app.connect("html-collect-pages", _restore_index_entries)
    app.connect("build-finished", _finish)
    return {"parallel_read_safe": False, "parallel_write_safe": True, "version": "1"}
