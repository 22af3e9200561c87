import nbformat

from natoar.notebooks import execute


def test_execute_saves_outputs_without_timings_and_is_repeatable(tmp_path):
    path = tmp_path / "n.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell("print(sum(range(4)))")]
    nbformat.write(notebook, path)
    execute(path)
    first = path.read_bytes()
    cell = nbformat.read(path, as_version=4).cells[0]
    assert cell.execution_count == 1
    assert cell.outputs[0]["text"] == "6\n"
    assert "execution" not in cell.metadata
    execute(path)
    assert path.read_bytes() == first
