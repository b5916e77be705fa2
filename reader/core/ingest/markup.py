"""Markdown (with YAML front matter) and saved HTML pages to plain text plus metadata."""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING, Any

from reader.core.ingest.metadata import parse_date

if TYPE_CHECKING:
    from reader.core.ingest.loaders import Loaded

_FRONT_MATTER = re.compile(r"\A\ufeff?\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INLINE = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images: their alt text is a caption
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),
)
_OUTLET_KEYS = ("outlet", "source", "publisher", "site", "sitename", "site_name", "publication")
_DATE_KEYS = ("date", "published", "pubdate", "published_at", "created", "updated")
_URL_KEYS = ("url", "link", "canonical_url", "source_url", "permalink")


def _field(meta: dict[str, Any], keys: tuple[str, ...]) -> Any:
    """The first non-empty value among keys (case-insensitive)."""
    lowered = {str(k).lower(): v for k, v in meta.items()}
    for key in keys:
        value = lowered.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value: Any) -> str | None:
    """A one-line string for a scalar front-matter value."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _as_date(value: Any) -> str | None:
    """An ISO date from a YAML date/datetime or a date string."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    text = _as_text(value)
    return parse_date(text) if text else None


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (empty if absent or invalid) and the text after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    import yaml  # imported lazily: plain-text ingest never needs it

    try:
        meta = yaml.safe_load(m.group(1))
    except (yaml.YAMLError, ValueError, RecursionError):
        meta = None
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


def strip_markdown(text: str) -> tuple[str, set[str], set[str]]:
    """Plain text of markdown, plus the top-level and lower heading lines it contained."""
    out: list[str] = []
    headlines: set[str] = set()
    subheads: set[str] = set()
    in_fence = False
    for raw in text.split("\n"):
        if _FENCE.match(raw):
            in_fence = not in_fence
            out.append("")
            continue
        if in_fence or _LINK_DEF.match(raw) or _TABLE_RULE.match(raw):
            continue
        setext = _SETEXT.match(raw)
        if setext and out and out[-1].strip():
            # CommonMark: an underline right below text makes it a heading, not a rule.
            (headlines if setext.group(1)[0] == "=" else subheads).add(out[-1].strip())
            continue
        if _RULE.match(raw):
            out.append("")
            continue
        line = _QUOTE.sub("", raw)
        heading = _ATX.match(line)
        bullet = ""
        if heading:
            line = heading.group(2)
        elif _BULLET.match(line):
            line = _BULLET.sub("", line)
            bullet = "\u2022 "  # keep the bullet: cleaning treats list items specially
        for pattern, repl in _INLINE:
            line = pattern.sub(repl, line)
        if "|" in line and line.strip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        line = line.strip()
        if heading and line:
            (headlines if len(heading.group(1)) == 1 else subheads).add(line)
        out.append(bullet + line if line else "")
    return "\n".join(out), headlines, subheads


def markdown_to_loaded(text: str) -> Loaded:
    """A markdown file: front matter metadata and the stripped body."""
    from reader.core.ingest.loaders import Loaded

    meta, body = split_front_matter(text)
    plain, headlines, subheads = strip_markdown(body)
    return Loaded(
        text=plain,
        title=_as_text(_field(meta, ("title", "headline"))),
        outlet=_as_text(_field(meta, _OUTLET_KEYS)),
        date=_as_date(_field(meta, _DATE_KEYS)),
        url=_as_text(_field(meta, _URL_KEYS)),
        headlines=frozenset(headlines),
        subheads=frozenset(subheads),
    )


def html_to_loaded(data: bytes) -> Loaded | None:
    """A saved web page: main text and metadata via trafilatura (offline), None if no text."""
    from reader.core.ingest.loaders import Loaded, LoadError

    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, deduplicate=False)
    except (ValueError, TypeError, LookupError, UnicodeError, RecursionError, MemoryError):
        raise LoadError("cannot read the web page (malformed HTML)") from None
    except Exception as exc:  # noqa: BLE001 - a third-party parser must never crash an import
        raise LoadError(f"cannot read the web page ({type(exc).__name__})") from None
    if doc is None:
        return None
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = meta.get("text") or ""
    if not text.strip():
        return None
    return Loaded(
        text=text,
        title=_as_text(meta.get("title")),
        outlet=_as_text(meta.get("sitename")) or _as_text(meta.get("hostname")),
        date=_as_date(meta.get("date")),
        url=_as_text(meta.get("url")),
    )
