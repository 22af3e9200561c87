"""Read text files strictly: UTF-8, no byte-order mark, not empty."""

from __future__ import annotations

import codecs
from pathlib import Path

from natoar.sources.errors import BookInputError


def read_text(path: Path, error: type[BookInputError] = BookInputError) -> str:
    """Return the file's text, or raise `error` naming the file and the fix."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(path, "the file does not exist", "restore it, or remove the row that names it") from None
    if not raw.strip():
        raise error(path, "the file is empty", "restore its content from the original source")
    if raw.startswith(codecs.BOM_UTF8):
        raise error(path, "the file starts with a UTF-8 byte-order mark", "save it as UTF-8 without BOM")
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
