"""Notebooks executed in a shared kernel come out as if each had a kernel of its own; a failing cell is named."""

import os

import nbformat
import pytest
from conftest import KERNEL_START, locked
from nbclient import NotebookClient

from natoar.build import execute

pytestmark = pytest.mark.notebooks  # every test starts kernels
KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}


def write(path, *sources):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = KERNEL
    notebook.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nbformat.write(notebook, path)
    return path


def outputs(path):
    return [
        (c.execution_count, "".join(o.get("text", "") for o in c.outputs))
        for c in nbformat.read(path, as_version=4).cells
    ]


def test_in_place_execution_is_repeatable_and_keeps_no_timings(tmp_path):
    path = write(tmp_path / "n.ipynb", "print(sum(range(4)))")
    execute.execute_in_place([path])
    first = path.read_bytes()
    cell = nbformat.read(path, as_version=4).cells[0]
    assert (cell.execution_count, cell.outputs[0]["text"]) == (1, "6\n")
    assert "execution" not in cell.metadata
    os.utime(path, ns=(1, 1))
    execute.execute_in_place([path])
    assert path.read_bytes() == first
    assert path.stat().st_mtime_ns == 1, "a notebook whose outputs did not change was written again"


def fresh_kernel_outputs(path):
    """Run a notebook in nbclient's own fresh kernel; it listens on TCP ports, so it starts while no nbval kernel
    does (two kernels starting at once can take the same free port, and one then never answers)."""
    notebook = nbformat.read(path, as_version=4)
    with locked(KERNEL_START):
        NotebookClient(notebook, resources={"metadata": {"path": str(path.parent)}}, record_timing=False).execute()
    return [(c.execution_count, c.outputs) for c in notebook.cells]


def test_a_shared_kernel_gives_each_notebook_a_fresh_kernels_outputs(tmp_path):
    # Both notebooks look for the other's names, settings and folder before leaving their own, so whichever the
    # kernel runs second would show a leak.
    check = "import os, matplotlib as mpl\nprint('left_over' in dir(), mpl.rcParams['font.size'] != 31, os.getcwd())"
    leave = "mpl.rcParams['font.size'] = 31\nleft_over = 1\nos.chdir('/')"
    (tmp_path / "sub").mkdir()
    paths = [write(folder / "n.ipynb", check, leave) for folder in (tmp_path, tmp_path / "sub")]
    for path, notebook, _ in execute.execute(paths, tmp_path, workers=1):  # one kernel runs both
        nbformat.write(notebook, path)
    for path in paths:
        assert outputs(path) == [(1, f"False True {path.parent.resolve()}\n"), (2, "")]
        assert [(c.execution_count, c.outputs) for c in nbformat.read(path, as_version=4).cells] == (
            fresh_kernel_outputs(path)
        )


def test_a_failing_cell_names_the_notebook_and_the_cell(tmp_path, capsys):
    path = write(tmp_path / "broken.ipynb", "x = 1", "1 / 0")
    with pytest.raises(execute.NotebookError, match=r"(?s)broken\.ipynb: a cell failed.*1 / 0.*ZeroDivisionError"):
        execute.execute_in_place([path])
    assert execute.main([str(path)]) == 1
    assert "broken.ipynb" in capsys.readouterr().err


def test_cache_execution_runs_only_what_is_missing(tmp_path):
    for folder in ("chapters", "seeds"):
        (tmp_path / folder).mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    write(tmp_path / "chapters" / "a.ipynb", "print(1)")
    write(tmp_path / "chapters" / "b.ipynb", "print(2)")
    assert execute.execute_into_cache(tmp_path) == 2
    assert execute.execute_into_cache(tmp_path) == 0
    write(tmp_path / "chapters" / "b.ipynb", "print(3)")
    assert execute.execute_into_cache(tmp_path) == 1


def test_a_failing_cell_stops_the_build_cache(tmp_path):
    for folder in ("chapters", "seeds"):
        (tmp_path / folder).mkdir()
    (tmp_path / "_config.yml").write_text("title: t\n")
    write(tmp_path / "chapters" / "a.ipynb", "print(1)")
    write(tmp_path / "chapters" / "b.ipynb", "raise ValueError('no such table')")
    with pytest.raises(execute.NotebookError, match=r"(?s)chapters/b\.ipynb: a cell failed.*ValueError: no such table"):
        execute.execute_into_cache(tmp_path)
