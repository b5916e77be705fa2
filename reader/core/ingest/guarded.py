"""Reading files with a time limit per file: one stuck file never holds up the rest.

A read from a hung network mount cannot be interrupted, and a pathological page could keep the
cleaner busy for minutes. So files are read on a thread; when no file has finished for
FILE_TIME_LIMIT_S, the file being read is rejected with a one-line reason and a new thread goes
on with the files after it (the stuck thread is left behind). Used by `parallax group` and
`compare` (ingest_paths) and by small in-process imports (library/feeder.py).
"""

from __future__ import annotations

import queue as queue_mod
import threading
import time
from typing import Callable, Iterator, Sequence

from reader.core.model import FileResult, Rejection

# No file takes this long to read and clean (20 MB of HTML: a few seconds); one that does is
# stuck (a hung network mount, a pathological page) and is skipped.
FILE_TIME_LIMIT_S = 120.0
_QUEUE_SIZE = 128
_DONE = "__parallax_ingest_done__"


def read_guarded(paths: list[str], cancel: Callable[[], bool] | None,
                 limit: float) -> Iterator[FileResult]:
    """iter_ingest(paths), each file given at most `limit` seconds (see the module docstring)."""
    from reader.core.ingest.api import iter_ingest

    todo, done = paths, 0
    while True:
        inbox: queue_mod.Queue = queue_mod.Queue(maxsize=_QUEUE_SIZE)

        def read(todo=todo, inbox=inbox) -> None:
            try:
                for result in iter_ingest(todo, cancel=cancel):
                    inbox.put(result)
                inbox.put(_DONE)
            except BaseException as exc:  # noqa: BLE001 -- raised again by the consumer
                inbox.put(exc)

        threading.Thread(target=read, name="ingest", daemon=True).start()
        last = time.monotonic()
        while True:
            try:
                item = inbox.get(timeout=min(0.5, limit))
            except queue_mod.Empty:
                if cancel is not None and cancel():
                    return
                if time.monotonic() - last <= limit:
                    continue
                stuck, todo = skip_stuck(paths, done, limit)
                if stuck is not None:
                    done += 1
                    yield stuck
                break  # a new thread for the files after the stuck one
            last = time.monotonic()
            if isinstance(item, BaseException):
                raise item
            # The reader runs ahead: asked to stop, yield nothing it read meanwhile.
            if isinstance(item, str) or (cancel is not None and cancel()):  # _DONE, or cancel
                return
            done += 1
            yield item
        if not todo:
            return


def skip_stuck(paths: Sequence[str], done: int,
               limit: float) -> tuple[FileResult | None, list[str]]:
    """The rejection of the file after the first `done` ones, and the files after it."""
    from reader.core.ingest.api import list_files
    from reader.core.text.display import storable_name

    items = [i if isinstance(i, str) else i.source for i in list_files(list(paths))]
    if done >= len(items):
        return None, []
    shown = storable_name(items[done])
    reason = f"took longer than {limit:.0f} s to read; skipped"
    return FileResult(shown, rejection=Rejection(shown, reason)), items[done + 1:]
