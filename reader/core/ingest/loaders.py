"""Read one file safely and turn it into text plus metadata, or a one-line rejection reason.

Every read goes through `read_bytes`, which checks the size before reading (so memory stays
bounded for huge files) and is the single place tests patch to simulate unreadable files.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass, field

from reader.core.ingest.markup import html_to_loaded, markdown_to_loaded

# Files above this are rejected before reading: no news article comes close.
MAX_FILE_BYTES = 20 * 1024 * 1024

TEXT_EXTENSIONS = frozenset({".txt", ".text"})
MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | MARKDOWN_EXTENSIONS | HTML_EXTENSIONS

# Magic numbers of formats people are likely to drop by mistake, for a friendlier reason.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Letters that Western European text in Windows-1252 uses; Cyrillic or Greek bytes decoded
# as 1252 give long runs of these instead of isolated accents.
_LATIN_EXTRA = set("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿßœšžÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŸŒŠŽ")


class LoadError(Exception):
    """A file that cannot become text; the message is the one-line reason shown to users."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """The text of one file with whatever metadata the format carried."""

    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    # Lines the format marks as top-level headlines (markdown "# ..."): article starts.
    headlines: frozenset[str] = field(default_factory=frozenset)
    # Lines the format marks as sub-headings: never body sentences.
    subheads: frozenset[str] = field(default_factory=frozenset)


def _size_text(n: int) -> str:
    """A human size: '200 MB', '20 MB', '512 KB'."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    return f"{max(1, n // 1024)} KB"


def special_file_kind(mode: int) -> str | None:
    """What a non-regular file is ("a named pipe (FIFO)"), or None for a regular file or folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def not_regular_reason(kind: str) -> str:
    """The one-line rejection for a FIFO, socket or device: reading it could block forever."""
    return f"not a regular file ({kind}); skipped without reading"


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a file, refusing files above limit before reading them.

    Only regular files are read: opening a FIFO blocks until a writer appears and a device
    may never end, so both are refused from stat() before open(), and open() itself is
    non-blocking (a file swapped for a FIFO after stat() cannot hang us either).
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise LoadError("no such file or folder") from None
    except PermissionError:
        raise LoadError("cannot read the file: permission denied") from None
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise LoadError("is a folder, not a file")
    kind = special_file_kind(st.st_mode)
    if kind:
        raise LoadError(not_regular_reason(kind))
    if st.st_size > limit:
        raise LoadError(f"too large ({_size_text(st.st_size)}; the limit is {_size_text(limit)})")
    try:
        with open(path, "rb", opener=_nonblocking) as fh:
            kind = special_file_kind(os.fstat(fh.fileno()).st_mode)
            if kind:
                raise LoadError(not_regular_reason(kind))
            # Read at most limit+1 bytes: a file that grew since stat() still stays bounded.
            data = fh.read(limit + 1)
    except PermissionError:
        raise LoadError("cannot read the file: permission denied") from None
    except IsADirectoryError:
        raise LoadError("is a folder, not a file") from None
    except OSError as exc:
        raise LoadError(f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise LoadError(f"too large (over {_size_text(limit)}; the limit is {_size_text(limit)})")
    return data


def _sniff_binary(data: bytes) -> str | None:
    """Why data is not text (a reason), or None when it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return f"not a text file (looks like {what})"
    head = data[:65536]
    if b"\x00" in head:
        return "not a text file (binary data)"
    controls = sum(head.count(bytes([c])) for c in range(32) if c not in (9, 10, 12, 13))
    if controls > max(8, len(head) // 50):
        return "not a text file (binary data)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Detect BOM-less UTF-16 by its NUL pattern (ASCII text has a zero in every other byte)."""
    head = data[:4096]
    if len(head) < 8:
        return None
    even_zero = head[0::2].count(0)
    odd_zero = head[1::2].count(0)
    half = len(head) // 2
    if odd_zero > 0.4 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.4 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_western(text: str) -> bool:
    """Whether a Windows-1252 decoding reads like Western European text (accents isolated)."""
    extra = sum(1 for ch in text if ch in _LATIN_EXTRA)
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and extra <= 0.3 * letters


def _foreign_byte(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Error handler for UTF-8 text with Windows-1252 bytes in it: one byte at a time.

    A byte between letters that is a Western letter in Windows-1252 ("Z\xfcrich") or one of
    its quotes and dashes is read as such; anything else stays visible as U+FFFD, never
    silently dropped.
    """
    data, at = exc.object, exc.start
    ch = bytes(data[at:at + 1]).decode("cp1252", errors="replace")
    before = chr(data[at - 1]) if at > 0 else " "
    after = chr(data[at + 1]) if at + 1 < len(data) else " "
    in_word = before.isalpha() or after.isalpha() or before == after == " "  # (French "à")
    if ch in _CP1252_PUNCT or (ch in _LATIN_EXTRA and ch != "\xff" and in_word):
        return ch, at + 1
    return "\ufffd", at + 1


codecs.register_error("parallax-cp1252-bytes", _foreign_byte)
_CP1252_PUNCT = set("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u00a0\u00ab\u00bb")


def _decode_mixed(data: bytes) -> str | None:
    """UTF-8 with isolated Windows-1252 bytes, decoded byte by byte; None if it is not that.

    It is that when the file has real UTF-8 characters and its invalid bytes sit alone
    between ASCII (a legacy multi-byte encoding such as Shift-JIS has runs of high bytes).
    """
    lossy = data.decode("utf-8", errors="replace")
    damaged = lossy.count("\ufffd")
    if sum(1 for ch in lossy if ord(ch) > 127) - damaged <= 0:
        return None
    text = data.decode("utf-8", errors="parallax-cp1252-bytes")
    isolated = 0
    for i, ch in enumerate(lossy):
        if ch == "\ufffd":
            before = lossy[i - 1] if i else " "
            after = lossy[i + 1] if i + 1 < len(lossy) else " "
            isolated += ord(before) < 128 or ord(after) < 128
    return text if isolated >= 0.8 * damaged else None


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOM, then strict UTF-8, then Windows-1252 or a detected encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise LoadError(f"not valid {encoding.upper()} text despite its marker") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    reason = _sniff_binary(data)
    if reason:
        raise LoadError(reason)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few foreign bytes (a line or paragraph pasted from a Windows-1252 file, a
    # stray byte) stays UTF-8 and each foreign byte is read on its own: decoding the whole
    # file as a legacy code page would garble every UTF-8 accent in it.
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    # Latin-1/Windows-1252 is by far the commonest legacy encoding of news text; detectors
    # guess Central European code pages for short Western texts and garble the accents.
    western = data.decode("cp1252", errors="replace")
    if western.count("\ufffd") <= 2 and _looks_western(western):
        return western.replace("\ufffd", "") if "\ufffd" in western else western
    import charset_normalizer  # only needed for rare encodings: keep the common path light

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise LoadError("not a text file (unknown encoding)")
    return str(best)


def load_file(path: str) -> Loaded:
    """Read and decode one supported file into text plus metadata; raises LoadError."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in SUPPORTED_EXTENSIONS:
        shown = ext or "no extension"
        raise LoadError(f"unsupported file type ({shown}); Parallax reads .txt, .md and .html")
    data = read_bytes(path)
    if not data.strip():
        raise LoadError("empty file")
    if ext in HTML_EXTENSIONS:
        reason = _sniff_binary(data)
        if reason and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise LoadError(reason)
        loaded = html_to_loaded(data)
        if loaded is None:
            raise LoadError("no article text found in the web page")
        return loaded
    text = decode_text(data)
    if not text.strip():
        raise LoadError("empty file")
    if ext in MARKDOWN_EXTENSIONS:
        return markdown_to_loaded(text)
    if text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        # A saved web page that lost its extension: read it as the page it is.
        loaded = html_to_loaded(text.encode("utf-8", "surrogatepass"))
        if loaded is None:
            raise LoadError("no article text found in the web page")
        return loaded
    return Loaded(text=text)
