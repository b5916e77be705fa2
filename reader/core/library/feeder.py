"""Ingest for big imports in a helper process, so reading files overlaps storing and grouping.

Reading and cleaning files (ingest) and storing plus grouping them cost about the same, and
each is single-threaded Python; on a 2-core machine running them in two processes nearly
halves a large import. Results arrive in the same order as iter_ingest yields them. Small
imports, daemon processes (which may not have children) and any failure to start the helper
fall back to plain in-process ingest.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue as queue_mod
import threading
import time
from dataclasses import replace
from typing import Callable, Iterator, Sequence

from reader.core.ingest.guarded import FILE_TIME_LIMIT_S, read_guarded, skip_stuck
from reader.core.model import FileResult

# Below this many files the helper's start-up (~0.5 s of imports) is not worth it.
PARALLEL_MIN_FILES = 200
_QUEUE_SIZE = 128
# The helper embeds articles in batches of this many, on this many threads.
EMBED_BATCH = 32
EMBED_THREADS = 2
# A batch waits at most this long for more files before it is embedded and sent.
IDLE_FLUSH_S = 0.2
_DONE = "__parallax_ingest_done__"
_FAILED = "__parallax_ingest_failed__"


def ingest_results(paths: Sequence[str], n_files: int, *,
                   cancel: Callable[[], bool] | None = None,
                   parallel: bool | None = None, helper=None) -> Iterator[FileResult]:
    """Yield iter_ingest(paths) results, from a helper process when that pays off.

    In the helper, no file may take longer than FILE_TIME_LIMIT_S: a helper that sends
    nothing for that long is stopped, the file it was on is rejected, and a new helper goes
    on with the rest. (helper: the helper's entry point, for tests.)
    """
    from reader.core.ingest.api import iter_ingest

    if parallel is None:
        parallel = (n_files >= PARALLEL_MIN_FILES and (os.cpu_count() or 1) >= 2
                    and not mp.current_process().daemon)
    if not parallel:
        yield from read_guarded(list(paths), cancel, FILE_TIME_LIMIT_S)
        return
    received: set[str] = set()
    todo, done = list(paths), 0
    try:
        while True:
            try:
                for result in _from_helper(todo, helper or _helper_main):
                    received.add(result.source)
                    done += 1
                    yield result
                return
            except _HelperStuck:
                stuck, todo = skip_stuck(paths, done, FILE_TIME_LIMIT_S)
                if stuck is None:
                    return
                received.add(stuck.source)
                done += 1
                yield stuck
                if not todo:
                    return
    except _HelperFailed:
        pass
    # The helper died or could not start: finish in-process, skipping what already came.
    for result in iter_ingest(list(paths), cancel=cancel):
        if result.source not in received:
            yield result


class _HelperFailed(Exception):
    """The helper process could not start or stopped before finishing."""


class _HelperStuck(Exception):
    """The helper sent nothing for FILE_TIME_LIMIT_S: it is stuck in one file."""


def _from_helper(paths: list[str], target) -> Iterator[FileResult]:
    # spawn, not fork: the app has threads (Qt, SQLite) that a fork would copy half-way.
    ctx = mp.get_context("spawn")
    results = ctx.Queue(maxsize=_QUEUE_SIZE)
    stop = ctx.Event()
    proc = ctx.Process(target=target, args=(paths, results, stop, os.getpid()),
                       name="parallax-ingest", daemon=True)
    try:
        proc.start()
    except Exception as exc:  # noqa: BLE001 -- e.g. no /dev/shm, or process limits
        raise _HelperFailed(str(exc)) from None
    last = time.monotonic()
    try:
        while True:
            try:
                item = results.get(timeout=1.0)
            except queue_mod.Empty:
                if not proc.is_alive():
                    raise _HelperFailed("ingest helper stopped") from None
                if time.monotonic() - last > FILE_TIME_LIMIT_S:
                    proc.terminate()
                    raise _HelperStuck() from None
                continue
            last = time.monotonic()
            if isinstance(item, str):
                if item == _DONE:
                    return
                raise _HelperFailed(item)
            yield item
    finally:
        stop.set()
        _drain(results)
        proc.join(timeout=5)
        if proc.is_alive():
            proc.terminate()
            proc.join(timeout=5)
        results.close()
        results.join_thread()


def _drain(results) -> None:
    """Empty the queue so a helper blocked on put() can see the stop flag and exit."""
    try:
        while True:
            results.get_nowait()
    except (queue_mod.Empty, OSError, ValueError):
        pass


def _helper_main(paths: list[str], results, stop, parent_pid: int) -> None:
    """In the helper process: ingest and send each FileResult, until done or told to stop."""
    from reader.core.ingest.api import iter_ingest

    def watch_parent() -> None:
        # An importer killed with SIGKILL cannot stop us, and a full queue pipe would block
        # our exit forever (the queue's feeder thread is joined at exit): leave at once.
        while True:
            time.sleep(0.5)  # polling the parent's liveness, not synchronising with it
            if os.getppid() != parent_pid:
                os._exit(0)

    threading.Thread(target=watch_parent, name="parent-watch", daemon=True).start()

    def put(item) -> bool:
        while True:
            try:
                results.put(item, timeout=0.5)
                return True
            except queue_mod.Full:
                # Give up if the importer stopped or died (SIGKILL leaves us orphaned).
                if stop.is_set() or os.getppid() != parent_pid:
                    return False

    try:
        embedded = _embedded(iter_ingest(paths, cancel=stop.is_set), _encoder_or_none())
        for result in embedded:
            if not put(result):
                return
        put(_DONE)
    except BaseException as exc:  # noqa: BLE001 -- reported to the importer, which falls back
        put(f"{_FAILED}: {type(exc).__name__}: {exc}")


def _encoder_or_none():
    """A one-thread encoder for the helper's embedding threads, or None if it is missing."""
    from reader.core.semantic import Encoder, EncoderUnavailable

    try:
        return Encoder(threads=1, workers=1)  # _embedded runs EMBED_THREADS of them
    except EncoderUnavailable:
        return None


def _embedded(results: Iterator[FileResult], encoder) -> Iterator[FileResult]:
    """The same results, in order, each with its articles' encoder vectors attached.

    Embedding costs ~10x what reading does, so batches of files are embedded on
    EMBED_THREADS threads (onnxruntime runs without the GIL) while a reader thread goes on
    reading: the importer, which stores and groups, finds every vector ready. A batch is
    sent as soon as reading pauses (a slow or stuck file), so nothing read waits behind it.
    """
    if encoder is None:
        yield from results
        return
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    from reader.core.semantic import embed_articles

    def embed(batch: list[FileResult]) -> list[FileResult]:
        arts = [a for r in batch for a in r.articles]
        vecs = iter(embed_articles(arts, encoder).astype("<f2"))
        return [replace(r, embeddings=tuple(next(vecs).tobytes() for _ in r.articles))
                for r in batch]

    inbox: queue_mod.Queue = queue_mod.Queue(maxsize=_QUEUE_SIZE)
    end = object()

    def read() -> None:
        try:
            for result in results:
                inbox.put(result)
            inbox.put(end)
        except BaseException as exc:  # noqa: BLE001 -- handed to the consumer, which raises
            inbox.put(exc)

    threading.Thread(target=read, name="ingest-read", daemon=True).start()
    pending: deque = deque()
    batch: list[FileResult] = []
    size = 0
    finished = False
    with ThreadPoolExecutor(EMBED_THREADS, thread_name_prefix="embed") as pool:
        while not finished:
            try:
                item = inbox.get(timeout=IDLE_FLUSH_S)
            except queue_mod.Empty:
                item = None
            if isinstance(item, BaseException):
                raise item
            if item is end:
                finished = True
            elif item is not None:
                batch.append(item)
                size += len(item.articles)
            if batch and (finished or item is None or size >= EMBED_BATCH):
                pending.append(pool.submit(embed, batch))
                batch, size = [], 0
            # Send what is ready, in order; wait only with too much in flight, or at the end.
            while pending and (finished or pending[0].done() or len(pending) > EMBED_THREADS):
                yield from pending.popleft().result()
