"""Class 1 in the app: Cancel stops a worker even when it is stuck inside one file."""

from __future__ import annotations

import os
import threading
import time

from reader.ui import tasks


def stuck_forever(*, progress, cancel) -> str:
    """A task body that never looks at cancel (like a read that never returns)."""
    progress(1, 2, "stuck.txt")
    threading.Event().wait()
    return "never"


def test_cancel_terminates_a_stuck_child(monkeypatch) -> None:
    monkeypatch.setattr(tasks, "CANCEL_GRACE_S", 0.5)
    task = tasks.in_process(stuck_forever)
    seen = []
    start = time.monotonic()
    result = task(lambda *a: seen.append(a), lambda: bool(seen))
    assert result is None
    assert seen == [(1, 2, "stuck.txt")]
    assert time.monotonic() - start < 30
    assert not [p for p in __import__("multiprocessing").active_children()
                if p.name != "MainProcess" and p.is_alive() and p.pid != os.getpid()]
