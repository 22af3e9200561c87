"""Read text files strictly: UTF-8, no byte-order mark, not empty, no control or bidi override characters.

Before decoding, a file that is not text at all (an image, a PDF, a word processor's file, an HTML page) or is
text in UTF-16 is named as what it is, so that the fix offered fits it: converting from Windows-1256 helps only
a file that is Windows-1256.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from natoar.sources.errors import BookInputError

# What a file that is not text starts with, and what to call it.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office 97-2003 file (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
)
_WEBP = (b"RIFF", b"WEBP")  # RIFF....WEBP
_HTML = re.compile(rb"\s*<(!doctype\s+html|html[\s>])", re.IGNORECASE)
# ZIP files that hold documents, told apart by a member only they have.
_ZIPPED_DOCUMENTS = (("word/document.xml", "a Word document (.docx)"), ("content.xml", "an OpenDocument file (.odt)"))
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
UTF16_NULS = 0.05  # NUL bytes, all at even or all at odd offsets, in at least this share of a file's byte pairs
UTF16_PLAUSIBLE = 0.9  # and read as UTF-16, at least this share of the characters are of an article's ranges
# C0 controls other than tab, line feed and carriage return; DEL; C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates. The marks (U+200E, U+200F, U+061C) and the joiners (U+200C, U+200D)
# change no order of display and are allowed.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
MANY_CONTROLS = 0.01  # with at least this share of control characters, a file is not text with a few stray ones
_CONTROL_NAMES = {0x00: "NUL", 0x09: "TAB", 0x0B: "VT", 0x0C: "FF", 0x1A: "SUB", 0x1B: "ESC", 0x7F: "DEL"}
TEXT_FIX = "copy the article's text into a UTF-8 .txt file (e.g. paste it into a text editor and save as UTF-8)"


def read_text(path: Path, error: type[BookInputError] = BookInputError) -> str:
    """Return the file's text, or raise `error` naming the file and the fix."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(path, "the file does not exist", "restore it, or remove the row that names it") from None
    if not raw.strip():
        raise error(path, "the file is empty", "restore its content from the original source")
    _refuse_non_text(path, raw, error)
    if raw.startswith(codecs.BOM_UTF8):
        raise error(path, "the file starts with a UTF-8 byte-order mark", "save it as UTF-8 without BOM")
    text = _decode(path, raw, error)
    _refuse_controls(path, text, error)
    _refuse_bidi_controls(path, text, error)
    return text


def file_kind(raw: bytes) -> str:
    """Return what a file that is not text is ('a PNG image', 'a PDF file' ...), or '' if it may be text."""
    kind = next((name for magic, name in SIGNATURES if raw.startswith(magic)), "")
    if kind == "a ZIP archive":
        return _zipped_kind(raw) or kind
    if raw[:4] == _WEBP[0] and raw[8:12] == _WEBP[1]:
        return "a WebP image"
    if not kind and _HTML.match(raw[:1024]):
        return "an HTML page"
    return kind


def _zipped_kind(raw: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return ""
    return next((kind for member, kind in _ZIPPED_DOCUMENTS if member in names), "")


def utf16_order(raw: bytes) -> str:
    """Return 'UTF-16LE' or 'UTF-16BE' if the bytes look like UTF-16 text without a byte-order mark, else ''.

    UTF-16 writes a character of the Latin or Arabic range as two bytes, one of them 0x00 (Latin, digits, spaces,
    line breaks) or 0x06 (Arabic): NUL bytes then fall at every other offset, all at odd ones (little-endian) or
    all at even ones (big-endian), and the text read that way is in the scripts and punctuation of an article.
    UTF-8 text read as UTF-16 gives characters of other scripts, or no characters at all."""
    pairs = len(raw) // 2
    even = raw[0 : 2 * pairs : 2].count(0)
    odd = raw[1 : 2 * pairs : 2].count(0)
    if pairs == 0 or (even and odd) or max(even, odd) < UTF16_NULS * pairs:
        return ""
    order = "UTF-16LE" if odd else "UTF-16BE"
    text = raw[: 2 * pairs].decode(order, errors="replace")
    return order if sum(map(_article_character, text)) >= UTF16_PLAUSIBLE * len(text) else ""


def _article_character(char: str) -> bool:
    """Whether `char` is of the ranges an Arabic article is written in: Latin, Arabic, general punctuation and
    the Arabic presentation forms."""
    code = ord(char)
    return code < 0x800 or 0x2000 <= code < 0x2070 or 0xFB50 <= code < 0xFF00


def _refuse_non_text(path: Path, raw: bytes, error: type[BookInputError]) -> None:
    kind = file_kind(raw)
    if kind:
        raise error(path, f"this is {kind}, not a text file", TEXT_FIX)
    if raw.startswith(_UTF32_BOMS):
        raise error(path, "the file is UTF-32 text (it starts with a UTF-32 byte-order mark)", _iconv("UTF-32"))
    if raw.startswith(_UTF16_BOMS):
        raise error(path, "the file is UTF-16 text (it starts with a UTF-16 byte-order mark)", _iconv("UTF-16"))
    _refuse_converted_non_text(path, raw, error)
    order = utf16_order(raw)
    if order:
        problem = f"the file looks like {order} text without a byte-order mark (a NUL at every other byte)"
        raise error(path, problem, _iconv(order))


def _refuse_converted_non_text(path: Path, raw: bytes, error: type[BookInputError]) -> None:
    """Refuse a binary or UTF-16 file that was converted to UTF-8 as if it were Windows-1256 text (the advice
    once given for any file that was not UTF-8): Windows-1256 gives each byte a character, so its start is kept."""
    start = raw[:64].decode("utf-8", errors="ignore")[:16].encode("cp1256", errors="replace")
    kind = file_kind(start) or ("UTF-16 text" if start.startswith(_UTF16_BOMS) else "")
    if not kind:
        return
    again = f"{TEXT_FIX}" if "UTF-16" not in kind else _iconv("UTF-16")
    raise error(
        path,
        f"the file is {kind} converted to UTF-8 as if it were Windows-1256 text, which garbles it",
        f"start again from the original file: {again}",
    )


def _iconv(encoding: str) -> str:
    return f"convert it to UTF-8: `iconv -f {encoding} -t UTF-8 FILE > FILE.utf8.txt`, and add the converted file"


def _decode(path: Path, raw: bytes, error: type[BookInputError]) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        if err.reason == "unexpected end of data":
            raise error(
                path,
                f"the file ends inside a UTF-8 character (byte 0x{raw[err.start]:02x} at offset {err.start} starts one "
                "that is cut short), so it is not UTF-8 as it stands: it was probably truncated",
                "restore the complete file from its source; do not convert it from another encoding",
                where=f"line {line}",
            ) from None
        raise error(
            path,
            f"byte 0x{raw[err.start]:02x} at offset {err.start} is not UTF-8",
            "convert the file to UTF-8 (e.g. `iconv -f WINDOWS-1256 -t UTF-8`)",
            where=f"line {line}",
        ) from None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _describe(char: str) -> str:
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X} {name}".rstrip()


def more_in_file(found: int) -> str:
    """Return what an error about the first of `found` faults of a file adds about the others ('' if none)."""
    return f" (and {found - 1} more in the file)" if found > 1 else ""


def _refuse_controls(path: Path, text: str, error: type[BookInputError]) -> None:
    found = list(_CONTROL.finditer(text))
    if not found:
        return
    first = found[0]
    more = more_in_file(len(found))
    problem = f"column {first.start() - text.rfind(chr(10), 0, first.start())} holds the control character "
    problem += f"{_describe(first[0])}{more}, which no text shows"
    fix = (
        "delete them (most editors do not show them), e.g. "
        r"`perl -CSD -pi -e 's/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]//g' FILE`, or copy the text again"
    )
    if len(found) > 1 and len(found) >= MANY_CONTROLS * len(text):  # a share of a tiny file is not 'many'
        fix = f"so many suggest it is not text: if it was converted from UTF-16 or a binary, {TEXT_FIX}; else {fix}"
    raise error(path, problem, fix, where=f"line {_line_of(text, first.start())}")


def _refuse_bidi_controls(path: Path, text: str, error: type[BookInputError]) -> None:
    found = list(_BIDI.finditer(text))
    if not found:
        return
    first = found[0]
    more = more_in_file(len(found))
    raise error(
        path,
        f"the bidi control character {_describe(first[0])}{more} makes a page show the text in an order other "
        "than the one its quotes are checked against",
        "delete the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): "
        r"`perl -CSD -pi -e 's/[\x{202A}-\x{202E}\x{2066}-\x{2069}]//g' FILE`; the joiners U+200C and U+200D may stay",
        where=f"line {_line_of(text, first.start())}",
    )
