import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

from natoar.build import check
from natoar.report import charts, documents, lang, textstats
from natoar.sources import corpus
from natoar.sources.evidence import load_table
from natoar.sources.paths import project_root


def test_short_title():
    assert lang.short_title("قادة الناتو يتفقون على إحياء") == "قادة الناتو يتفقون …"
    assert lang.short_title("حلف الناتو") == "حلف الناتو"


def test_a_short_name_is_the_books_short_name_or_the_name_cut_to_fit():
    frameworks = pd.DataFrame({"id": ["pag", "eop", "md"],
                               "name_ar": ["علاقات أخرى مع مختلف الشركاء في أنحاء العالم",
                                           "توفير فرص أكبر لمجموعة صغيرة من الشركاء الأساسيين", "الحوار المتوسطي"],
                               "short_ar": ["الشركاء في أنحاء العالم", "", ""]})
    shortened = {"pag": "الشركاء في أنحاء العالم", "eop": "توفير فرص أكبر لمجموعة صغيرة …", "md": "الحوار المتوسطي"}
    assert lang.short_names(frameworks) == shortened


def test_every_framework_name_too_long_for_a_header_has_a_short_name():
    frameworks = load_table("frameworks", project_root())
    cut = {key: name for key, name in lang.short_names(frameworks).items() if name.endswith("…")}
    assert not cut, f"data/frameworks.csv: give these a short_ar of at most {lang.SHORT_NAME_WORDS} words: {cut}"


def test_length_bars_data_matches_bars(root):
    catalogue = corpus.load_catalogue(root)
    lengths = textstats.lengths(corpus.read_corpus(root).paragraphs)
    fig, data = charts.length_bars(lengths, catalogue)
    bars = [patch.get_width() for patch in fig.axes[0].patches]
    assert bars == data["words"].tolist() == sorted(lengths["words"])
    assert len(fig.axes[0].get_yticklabels()) == len(catalogue)
    plt.close(fig)


def test_dating_chart_marks_only_differing_printed_dates(root):
    catalogue = corpus.load_catalogue(root)
    fig, data = charts.dating_chart(catalogue)
    diamonds = [line for line in fig.axes[0].lines if line.get_marker() == "D"]
    differing = (catalogue["date_printed_iso"] != "") & (catalogue["date_printed_iso"] != catalogue["date_iso"])
    assert len(diamonds) == differing.sum()
    assert sorted(data["doc"]) == sorted(catalogue["id"])
    plt.close(fig)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_per_document_charts_mark_a_document_not_yet_curated(root, language):
    catalogue = corpus.load_catalogue(root)
    catalogue.loc[catalogue["id"] == "wales-2014", "curation"] = "uncurated"
    pending = int((catalogue["curation"] != "curated").sum())  # and any the checkout holds
    lengths = textstats.lengths(corpus.read_corpus(root).paragraphs)
    mark = {"en": "wales-2014 (not yet curated)", "ar": "wales-2014 (لم تُدقَّق بعد)"}[language]
    drawn = (charts.length_bars(lengths, catalogue, lang=language), charts.dating_chart(catalogue, lang=language))
    for fig, _ in drawn:
        labels = [tick.get_text() for tick in fig.axes[0].get_yticklabels()]
        assert sum(mark in label for label in labels) == 1 and sum("(" in label for label in labels) == pending, labels
        plt.close(fig)


def test_project_root_found_from_subfolder(root):
    assert project_root(root / "chapters") == root


def test_project_root_outside_a_book_is_an_error_not_the_package_checkout(tmp_path):
    with pytest.raises(FileNotFoundError, match="No book root"):
        project_root(tmp_path)


def test_check_reports_ok(monkeypatch, root, capsys):
    monkeypatch.chdir(root)
    assert check.main() == 0
    assert capsys.readouterr().out.startswith("ok: ")


def test_check_reports_bad_input(monkeypatch, project, capsys):
    (project / "seeds" / "000_9ac74bd8921543b6.txt").unlink()
    monkeypatch.chdir(project)
    assert check.main() == 1
    assert "000_9ac74bd8921543b6.txt" in capsys.readouterr().err


def test_dating_gap_not_negative(root):
    catalogue = corpus.load_catalogue(root)
    dating = documents.dating(catalogue[catalogue["curation"] == "curated"])
    gaps = [float(g) for g in dating["printed minus last event (years)"] if g != "—"]
    assert min(gaps) >= 0


def test_check_refuses_a_bad_evidence_row_before_any_build(monkeypatch, project, capsys):
    events = project / "data" / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(",2004,stated,", ",2004-13,stated,", 1), encoding="utf-8"
    )
    monkeypatch.chdir(project)
    assert check.main() == 1
    assert "events.csv, line" in capsys.readouterr().err


def test_cooccurrence_network_draws_every_shared_paragraph_once():
    import pandas as pd

    from natoar.report import charts

    pairs = pd.DataFrame(
        {"entity": ["nato", "morocco", "usa"], "nato": [0, 5, 1], "morocco": [5, 0, 0], "usa": [1, 0, 0]}
    )
    fig, edges = charts.cooccurrence_network(pairs, pd.Series({"nato": 9, "morocco": 7, "usa": 2}), {"nato": "NATO"})
    assert edges.values.tolist() == [["nato", "morocco", 5], ["nato", "usa", 1]]
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"NATO (9)", "morocco (7)", "usa (2)", "5"} <= texts and "1" not in texts  # weak links carry no count


def test_entity_names_prefer_acronyms(root):
    from natoar.report import analysis
    from natoar.sources import evidence

    tables = evidence.load_evidence(root)
    names = analysis.entity_names(tables["actors"], tables["frameworks"])
    assert (names["nato"], names["pentagon"], names["ici"], names["esper"]) == (
        "NATO",
        "The Pentagon",
        "ICI",
        "Mark Esper",
    )


def test_page_weight_without_a_built_book_says_what_to_run(project, capsys):
    from natoar.tools import pageweight

    assert pageweight.main(3, project) == 1
    assert "run `make book` first" in capsys.readouterr().err


def test_nato_membership_chart_reaches_a_document_written_after_its_last_year(root):
    catalogue = corpus.load_catalogue(root)
    members = load_table("reference/nato_members", root)
    fig, _ = charts.membership_steps(members, catalogue)
    assert fig.axes[0].get_xlim()[1] == 2025.0  # the seeds: unchanged
    plt.close(fig)
    later = catalogue.assign(date_iso=catalogue["date_iso"].where(catalogue["id"] != "wales-2014", "2026-11-03"))
    fig, _ = charts.membership_steps(members, later)
    dashed = [line.get_xdata()[0] for line in fig.axes[0].lines if line.get_linestyle() == "--"]
    assert max(dashed) < fig.axes[0].get_xlim()[1]  # its line is drawn, not past the axis
    plt.close(fig)
