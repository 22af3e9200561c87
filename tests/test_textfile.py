import codecs

import pytest

from natoar.sources.errors import SeedError
from natoar.sources.textfile import read_text


def test_reads_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("حلف الناتو\n", encoding="utf-8")
    assert read_text(path) == "حلف الناتو\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (codecs.BOM_UTF8 + "نص".encode(), "byte-order mark"),
        ("سطر\nحلف الناتو".encode("cp1256"), "is not UTF-8"),
    ],
)
def test_rejects_bad_files_naming_file_and_fix(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SeedError, match=message) as err:
        read_text(path, SeedError)
    assert str(path) in str(err.value)
    assert "Fix:" in str(err.value)


def test_windows_1256_error_gives_line_and_iconv(tmp_path):
    path = tmp_path / "cp.txt"
    path.write_bytes(b"ascii line\n" + "حلف".encode("cp1256"))
    with pytest.raises(SeedError, match=r"line 2.*iconv"):
        read_text(path, SeedError)


def test_missing_file(tmp_path):
    with pytest.raises(SeedError, match="does not exist"):
        read_text(tmp_path / "nope.txt", SeedError)
