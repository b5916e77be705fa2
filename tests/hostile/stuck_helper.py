"""An ingest helper that hangs on files named hang.txt (runs in the spawned helper process)."""

from __future__ import annotations

import os
import threading


def hanging_helper(paths, results, stop, parent_pid) -> None:
    from reader.core.ingest import api
    from reader.core.library.feeder import _helper_main

    real = api._ingest_file

    def maybe_hang(path: str):
        if os.path.basename(path) == "hang.txt":
            threading.Event().wait()  # like a read from a hung mount: never returns
        return real(path)

    api._ingest_file = maybe_hang
    _helper_main(paths, results, stop, parent_pid)
