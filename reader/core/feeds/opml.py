"""OPML subscription lists: import through listparser, export as OPML 2.0."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from reader.core.feeds.subscriptions import FeedStore, check_url, now_iso


@dataclass(frozen=True, slots=True)
class OpmlImport:
    """What importing an OPML file did."""

    added: tuple[str, ...]  # feed ids
    existing: tuple[str, ...]
    rejected: tuple[tuple[str, str], ...]  # (url or title, reason)


def read_opml(data: bytes | str) -> list[tuple[str, str, str]]:
    """(url, title, folder) of every feed in an OPML document; ValueError if it has none."""
    import listparser  # lazily: only OPML work pays for its import

    if isinstance(data, bytes):
        data = data.decode("utf-8-sig", errors="replace")
    result = listparser.parse(data)
    if not result.feeds:
        problem = result.get("bozo_exception") if result.get("bozo") else None
        raise ValueError(f"no feeds in the OPML file{f' ({problem})' if problem else ''}")
    out = []
    for entry in result.feeds:
        folders = entry.get("categories") or []
        folder = "/".join(folders[0]) if folders else ""
        out.append((entry.get("url", ""), entry.get("title", "") or "", folder))
    return out


def import_opml(library, data: bytes | str) -> OpmlImport:
    """Subscribe to every feed of an OPML document, keeping titles and (top) folders."""
    store = FeedStore(library)
    added, existing, rejected = [], [], []
    for url, title, folder in read_opml(data):
        try:
            check_url(url)
        except ValueError as exc:
            rejected.append((url or title, str(exc)))
            continue
        feed, new = store.add(url, feed_title=title, folder=folder)
        (added if new else existing).append(feed.id)
    return OpmlImport(tuple(added), tuple(existing), tuple(rejected))


def export_opml(library) -> str:
    """Every web feed as an OPML 2.0 document, folders as nested outlines."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "Parallax subscriptions"
    ET.SubElement(head, "dateCreated").text = now_iso()
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in FeedStore(library).list():
        if not feed.url.lower().startswith(("http://", "https://")):
            continue
        parent = body
        if feed.folder:
            parent = folders.get(feed.folder)
            if parent is None:
                parent = folders[feed.folder] = ET.SubElement(
                    body, "outline", text=feed.folder, title=feed.folder)
        attrs = {"type": "rss", "text": feed.title, "title": feed.title, "xmlUrl": feed.url}
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
