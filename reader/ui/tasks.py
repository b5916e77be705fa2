"""The one place that creates threads: background tasks with progress, cancel, stale-dropping.

A task is a plain function `fn(progress, cancel) -> result` (the core's callback convention).
It runs on a QThreadPool; its progress and result come back to the UI thread by queued signal.
Tasks run on named *channels*: submitting a new task on a channel cancels the previous one
and its late result is dropped, so a quick click through stories never shows a stale story.
"""

from __future__ import annotations

import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

TaskFn = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]

# Progress reports faster than this are coalesced: a 2,000-file import must not flood the
# UI thread's event queue.
PROGRESS_INTERVAL_S = 0.05
# A child process that has not stopped this long after Cancel (stuck in one file: a hung
# mount, a pathological page) is terminated; each file is its own transaction, so only the
# file being read is lost.
CANCEL_GRACE_S = 10.0


class _Relay(QObject):
    """Carries a worker's signals; lives in the UI thread so delivery is queued there."""

    progress = Signal(int, int, int, str)
    done = Signal(int, object)
    error = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, token: int, fn: TaskFn, relay: _Relay, cancel: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token, self._fn, self._relay, self._cancel = token, fn, relay, cancel
        self._last = 0.0

    def _progress(self, done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if done < total and now - self._last < PROGRESS_INTERVAL_S and done != 1:
            return
        self._last = now
        self._relay.progress.emit(self._token, done, total, label)

    def run(self) -> None:  # noqa: D102 (QRunnable API)
        try:
            result = self._fn(self._progress, self._cancel.is_set)
        except Exception as exc:  # a bug in a task must not kill the app: report it
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            traceback.print_exc()
            self._relay.error.emit(self._token, detail)
        else:
            self._relay.done.emit(self._token, result)


class TaskRunner(QObject):
    """Runs tasks off the UI thread; emits (channel, …) signals on the UI thread."""

    started = Signal(str)
    progress = Signal(str, int, int, str)
    finished = Signal(str, object)
    failed = Signal(str, str)
    cancelled = Signal(str)
    # A cancelled task's worker has returned (result or None): e.g. refresh after a stopped import.
    stopped = Signal(str, object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self._relay.error.connect(self._on_error)
        self._next_token = 0
        # channel -> (token, cancel event) of the task whose result is still wanted
        self._current: dict[str, tuple[int, threading.Event]] = {}
        self._channel_of: dict[int, str] = {}
        self._cancelled: dict[int, str] = {}

    def submit(self, channel: str, fn: TaskFn) -> int:
        """Run fn on the pool; a task already running on this channel is cancelled."""
        self.cancel(channel, quiet=True)
        self._next_token += 1
        token = self._next_token
        event = threading.Event()
        self._current[channel] = (token, event)
        self._channel_of[token] = channel
        self._pool.start(_Job(token, fn, self._relay, event))
        self.started.emit(channel)
        return token

    def cancel(self, channel: str, *, quiet: bool = False) -> None:
        """Ask the channel's task to stop; its result (if any) is dropped."""
        entry = self._current.pop(channel, None)
        if entry is None:
            return
        entry[1].set()
        self._cancelled[entry[0]] = channel
        if not quiet:
            self.cancelled.emit(channel)

    def is_busy(self, channel: str) -> bool:
        """Whether a task on this channel is still wanted and not finished."""
        return channel in self._current

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has returned (shutdown, tests); True if all did."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Cancel everything and wait for the workers (on window close)."""
        for channel in list(self._current):
            self.cancel(channel, quiet=True)
        self._pool.waitForDone()

    def _wanted(self, token: int) -> str | None:
        channel = self._channel_of.get(token)
        if channel is None:
            return None
        entry = self._current.get(channel)
        return channel if entry is not None and entry[0] == token else None

    def _on_progress(self, token: int, done: int, total: int, label: str) -> None:
        channel = self._wanted(token)
        if channel is not None:
            self.progress.emit(channel, done, total, label)

    def _on_done(self, token: int, result: object) -> None:
        channel = self._wanted(token)
        self._channel_of.pop(token, None)
        if token in self._cancelled:
            self.stopped.emit(self._cancelled.pop(token), result)
        if channel is not None:
            del self._current[channel]
            self.finished.emit(channel, result)

    def _on_error(self, token: int, message: str) -> None:
        channel = self._wanted(token)
        self._channel_of.pop(token, None)
        if token in self._cancelled:
            self.stopped.emit(self._cancelled.pop(token), None)
        if channel is not None:
            del self._current[channel]
            self.failed.emit(channel, message)


def _child_main(fn, args, messages, cancel_event) -> None:
    """Child process body: run fn(*args, progress=, cancel=), send progress and the result."""
    last = [0.0]

    def progress(done: int, total: int, label: str) -> None:
        now = time.monotonic()
        if done >= total or done == 1 or now - last[0] >= PROGRESS_INTERVAL_S:
            last[0] = now
            messages.put(("progress", (done, total, label)))

    try:
        result = fn(*args, progress=progress, cancel=cancel_event.is_set)
    except BaseException as exc:  # reported to the parent as a task failure
        messages.put(("error", "".join(traceback.format_exception_only(type(exc), exc)).strip()))
    else:
        messages.put(("done", result))


def in_process(fn: Callable[..., Any], *args: Any) -> TaskFn:
    """A task that runs top-level fn(*args, progress=, cancel=) in a child process.

    For long CPU-bound work (importing thousands of files): in a thread it would compete with
    the UI thread for the GIL and stall repaints; in a process it cannot. The pool thread only
    relays messages. fn, args and the result must be picklable.
    """
    import multiprocessing
    import queue

    def task(progress, cancel):
        ctx = multiprocessing.get_context("spawn")  # fork() of a process running Qt is unsafe
        messages, stop = ctx.Queue(), ctx.Event()
        child = ctx.Process(target=_child_main, args=(fn, args, messages, stop), daemon=True)
        child.start()
        cancelled_at = None
        try:
            while True:
                if cancel():
                    stop.set()
                    cancelled_at = cancelled_at or time.monotonic()
                    if time.monotonic() - cancelled_at > CANCEL_GRACE_S:
                        child.terminate()
                        return None
                try:
                    kind, payload = messages.get(timeout=0.05)
                except queue.Empty:
                    if not child.is_alive():
                        raise RuntimeError(f"worker process exited ({child.exitcode})") from None
                    continue
                if kind == "progress":
                    progress(*payload)
                elif kind == "done":
                    return payload
                else:
                    raise RuntimeError(payload)
        finally:
            child.join(5)
            if child.is_alive():
                child.terminate()
    return task
