"""Page breaks a reader expects in the PDF report: no heading alone at the bottom of a page,
no small table (a passage's wording, a version row) cut across two pages."""

from __future__ import annotations

from PySide6.QtGui import (QTextBlockFormat, QTextCursor, QTextDocument, QTextFormat, QTextFrame,
                           QTextTable)

# A table taller than this share of a page may be split (it would not fit on one anyway).
SMALL_TABLE = 0.45
# A heading needs at least this much of its page left under it for what it introduces.
HEADING_ROOM = 0.08


def _page(y: float, page_h: float) -> int:
    return int(y // page_h)


def _tables(frame: QTextFrame):
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)


def _break_before(block) -> bool:
    """Give a block page-break-before; False if it already had it."""
    fmt = QTextBlockFormat(block.blockFormat())
    if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return False
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)
    return True


def _items(doc: QTextDocument):
    """Headings and tables in document order: ("h", block) and ("t", table)."""
    items = []
    block = doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and not block.textList():
            items.append((block.position(), "h", block))
        block = block.next()
    for table in _tables(doc.rootFrame()):
        items.append((table.firstPosition(), "t", table))
    items.sort(key=lambda item: item[0])
    return [(kind, obj) for _, kind, obj in items]


def _violation(layout, kind: str, obj, page_h: float) -> bool:
    if kind == "h":
        rect = layout.blockBoundingRect(obj)
        room = (_page(rect.bottom(), page_h) + 1) * page_h - rect.bottom()
        return room < HEADING_ROOM * page_h
    rect = layout.frameBoundingRect(obj)
    return rect.height() <= SMALL_TABLE * page_h and \
        _page(rect.top() + 1, page_h) != _page(rect.bottom() - 1, page_h)


def _fix(kind: str, obj) -> bool:
    if kind == "h":
        return _break_before(obj)
    # The heading that introduces the table goes with it (keep with next).
    before = obj.firstCursorPosition().block().previous()
    if before.isValid() and before.blockFormat().headingLevel() > 0:
        return _break_before(before)
    fmt = obj.format()
    if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        return False
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    obj.setFormat(fmt)
    return True


def keep_together(doc: QTextDocument, page_h: float) -> int:
    """Move small tables that straddle a page break, and headings stranded at a page bottom,
    to the next page (page-break-before); returns how many breaks were added.

    One forward sweep: a break moves only what follows it, so each item is judged once, after
    every break before it is in place (breaks never pile up into near-empty pages).
    """
    layout = doc.documentLayout()
    added = 0
    for kind, obj in _items(doc):
        if _violation(layout, kind, obj, page_h) and _fix(kind, obj):
            added += 1
    return added


def violations(doc: QTextDocument, page_h: float) -> int:
    """How many headings sit stranded at a page bottom or small tables straddle a break."""
    layout = doc.documentLayout()
    return sum(_violation(layout, kind, obj, page_h) for kind, obj in _items(doc))
