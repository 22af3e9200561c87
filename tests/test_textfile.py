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


ARABIC = "حلف الناتو يبحث التعاون مع الأردن في عمان\nوفد من الحلف يزور المملكة لبحث برامج التدريب\n"


def refusal(tmp_path, content: bytes, name: str = "bad.txt") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SeedError) as err:
        read_text(path, SeedError)
    message = str(err.value)
    assert message.startswith(str(path)) and "Fix:" in message, message
    return message


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x0b", "\x0c", "\x1a", "\x1b", "\x1f", "\x7f", "\x85"])
def test_a_control_character_is_refused_with_its_line_column_and_code(tmp_path, char):
    message = refusal(tmp_path, f"سطر أول\nسطر{char} ثان\n".encode())
    assert f"line 2: column 4 holds the control character U+{ord(char):04X}" in message, message
    assert "perl" in message and "iconv" not in message, message


def test_many_nul_characters_point_at_a_file_that_is_not_text(tmp_path):
    message = refusal(tmp_path, b"\x00" * 50 + ARABIC.encode())
    assert "U+0000 NUL (and 49 more in the file)" in message and "not text" in message, message


def test_tab_carriage_return_and_line_feed_are_text(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_bytes("حلف\tالناتو\r\nسطر\rآخر\n".encode())
    assert read_text(path, SeedError) == "حلف\tالناتو\r\nسطر\rآخر\n"


@pytest.mark.parametrize("char", [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))])
def test_a_bidi_control_is_refused_with_its_line(tmp_path, char):
    message = refusal(tmp_path, f"سطر أول\n\nحلف {char}الناتو\u202c\n".encode())
    assert f"line 3: the bidi control character U+{ord(char):04X} " in message, message
    assert "(and 1 more in the file)" in message and "U+202A-U+202E, U+2066-U+2069" in message, message


def test_joiners_and_direction_marks_are_accepted(tmp_path):
    path = tmp_path / "ok.txt"
    text = "می\u200cخواهم \u200dحلف\u200d الناتو\u200f 2014\u200e\u061c\n"
    path.write_text(text, encoding="utf-8")
    assert read_text(path, SeedError) == text


def test_the_seeds_pass_the_stricter_reading(root):
    for seed in sorted((root / "seeds").glob("*.txt")):
        assert read_text(seed, SeedError)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_told_to_convert_from_utf16(tmp_path, codec):
    content = ARABIC.encode(codec) if codec == "utf-16" else codecs.BOM_UTF16_BE + ARABIC.encode(codec)
    message = refusal(tmp_path, content)
    assert "UTF-16 byte-order mark" in message and "iconv -f UTF-16 -t UTF-8" in message, message
    assert "WINDOWS-1256" not in message


@pytest.mark.parametrize(("codec", "order"), [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
@pytest.mark.parametrize("text", [ARABIC, "NATO and Jordan\n"])
def test_utf16_without_a_byte_order_mark_is_recognised(tmp_path, codec, order, text):
    message = refusal(tmp_path, text.encode(codec))
    assert f"looks like {order} text" in message and f"iconv -f {order} -t UTF-8" in message, message


def test_utf8_with_a_stray_nul_is_not_taken_for_utf16(tmp_path):
    message = refusal(tmp_path, (ARABIC + "\x00" + ARABIC).encode())
    assert "UTF-16" not in message and "U+0000 NUL" in message, message


def _zip(member: str) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(member, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF file"),
        (_zip("word/document.xml"), "a Word document (.docx)"),
        (_zip("content.xml"), "an OpenDocument file (.odt)"),
        (_zip("other.txt"), "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "a Microsoft Office 97-2003 file"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"\n<!DOCTYPE html>\n<html><body>" + ARABIC.encode(), "an HTML page"),
    ],
)
def test_a_binary_file_is_named_for_what_it_is(tmp_path, content, kind):
    message = refusal(tmp_path, content, "article.txt")
    assert f"this is {kind}" in message and "copy the article's text into a UTF-8 .txt file" in message, message
    assert "iconv" not in message


@pytest.mark.parametrize(
    ("original", "kind"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"), (ARABIC.encode("utf-16"), "UTF-16 text")],
)
def test_a_file_converted_as_if_it_were_windows_1256_is_recognised(tmp_path, original, kind):
    message = refusal(tmp_path, original.decode("cp1256").encode())
    assert f"is {kind} converted to UTF-8 as if it were Windows-1256" in message, message


def test_one_control_character_in_a_tiny_file_is_not_called_many(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_bytes("حلف شمال\n\0".encode())
    with pytest.raises(SeedError) as caught:
        read_text(path, SeedError)
    assert "U+0000 NUL" in str(caught.value) and "so many" not in str(caught.value)
