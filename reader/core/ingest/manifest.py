"""A folder's sources file: who published each file, when, and where (researchers keep one).

`sources.csv` (a header row with `file` and any of `outlet`, `date`, `url`; other columns are
ignored) or `sources.json` (a list of such objects, or an object mapping file -> fields) in a
folder, or in a folder above it, describes the files below it. `file` is the path relative to
the sources file's folder; `name.txt#1` describes only the second article (part 1) of a file
that holds several, and wins over a row for the whole file. A value given there wins over
what the file itself says; an empty value leaves the file's own metadata alone. A sources file
that cannot be read is ignored (import goes on with the files' own metadata); it is never
imported as an article.
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from reader.core.ingest.metadata import parse_date
from reader.core.model import Article

NAMES = ("sources.csv", "sources.json")
_MAX_BYTES = 4 * 1024 * 1024  # a sources file larger than this is not a small manifest
_LEVELS = 4  # how many folders up a sources file may sit


@dataclass(frozen=True, slots=True)
class Source:
    """What a sources file says about one file (None: it says nothing)."""

    outlet: str | None = None
    date: str | None = None
    url: str | None = None


def is_manifest(path: str) -> bool:
    """Whether a file is a sources file (skipped when a folder is imported)."""
    return os.path.basename(path).lower() in NAMES


def _clean(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text[:300] or None


def _entry(row: dict) -> tuple[str, Source] | None:
    row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    name = _clean(row.get("file") or row.get("path") or row.get("source"))
    if not name:
        return None
    date_text = _clean(row.get("date"))
    date = parse_date(date_text) if date_text else None
    url = _clean(row.get("url"))
    if url and not url.lower().startswith(("http://", "https://")):
        url = None
    name, _, part = name.partition("#")
    key = os.path.normpath(name.replace("\\", "/")) + (f"#{int(part)}" if part.isdigit() else "")
    return key, Source(_clean(row.get("outlet")), date, url)


def parse_sources(text: str, json_format: bool) -> dict[str, Source]:
    """The entries of a sources file's text (raises ValueError if it is not one)."""
    rows: list = []
    if json_format:
        data = json.loads(text)
        if isinstance(data, dict):
            rows = [{"file": k, **v} for k, v in data.items() if isinstance(v, dict)]
        elif isinstance(data, list):
            rows = [r for r in data if isinstance(r, dict)]
        else:
            raise ValueError("not a list or object")
    else:
        reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
        if not reader.fieldnames or "file" not in [f.strip().lower() for f in reader.fieldnames]:
            raise ValueError("no 'file' column")
        rows = list(reader)
    out: dict[str, Source] = {}
    for row in rows:
        entry = _entry(row)
        if entry is not None:
            out[entry[0]] = entry[1]
    return out


@lru_cache(maxsize=64)
def _load(path: str, mtime: float, size: int) -> dict[str, Source]:
    if size > _MAX_BYTES:
        return {}
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return parse_sources(fh.read(), path.lower().endswith(".json"))
    except (OSError, ValueError, csv.Error, RecursionError):
        return {}


def source_for(path: str, part: int | None = None) -> Source | None:
    """What the nearest sources file (this folder or up to a few above) says about a file
    (or, with `part`, about that article of the file)."""
    folder = os.path.dirname(os.path.abspath(path))
    for _ in range(_LEVELS):
        for name in NAMES:
            manifest = os.path.join(folder, name)
            try:
                st = os.stat(manifest)
            except OSError:
                continue
            entries = _load(manifest, st.st_mtime, st.st_size)
            rel = os.path.normpath(os.path.relpath(os.path.abspath(path), folder))
            names = (rel, os.path.basename(path))
            keys = ([f"{n}#{part}" for n in names] if part is not None else []) + list(names)
            for key in keys:
                if key in entries:
                    return entries[key]
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return None


def apply_sources(path: str, articles: Sequence[Article]) -> tuple[Article, ...]:
    """The file's articles with the sources file's outlet, date and url (if it has any)."""
    if not articles or source_for(path) is None and all(
            source_for(path, a.part) is None for a in articles):
        return tuple(articles)
    from reader.core.ingest.build import content_hash

    out = []
    for art in articles:
        src = source_for(path, art.part)
        if src is None:
            out.append(art)
            continue
        outlet = src.outlet or art.outlet
        out.append(replace(art, outlet=outlet, date=src.date or art.date, url=src.url or art.url,
                           content_hash=content_hash(outlet, list(art.sentences))
                           if outlet != art.outlet else art.content_hash))
    return tuple(out)
