"""Crash safety: an import killed with SIGKILL part-way leaves a whole, usable library."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from reader.core.library import Library
from tests.core.library.helpers import write_articles

N_FILES = 300

# The child slows itself a little per file (outside any transaction) so the parent reliably
# catches it part-way; the parent then waits for a DB condition, not for a fixed time.
CHILD = """
import sys, time
from reader.core.library import Library
lib = Library.open(sys.argv[1])
lib.import_paths([sys.argv[2]], progress=lambda done, total, src: time.sleep(0.004))
print("finished")
"""


def _committed(db) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:  # kernel without CONFIG_PROC_CHILDREN: nothing to check
        return []


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_sigkill_mid_import_loses_nothing_committed(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, N_FILES)
    db = tmp_path / "lib.sqlite"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while _committed(db) < 40:
            assert child.poll() is None, child.stderr.read().decode()
            assert time.monotonic() < deadline, "import never committed 40 articles"
            time.sleep(0.002)  # polling interval of a condition, not a synchronisation
        helpers = _children(child.pid)  # the ingest helper process, if one was started
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # An orphaned ingest helper notices and exits on its own.
    deadline = time.monotonic() + 30
    while any(os.path.exists(f"/proc/{pid}") and not _zombie(pid) for pid in helpers):
        assert time.monotonic() < deadline, f"ingest helper {helpers} outlived the importer"
        time.sleep(0.05)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    rows = conn.execute("SELECT id, sentences, paragraphs, title FROM articles").fetchall()
    assert 40 <= len(rows) < N_FILES, "the import was not interrupted part-way"
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, instance)")
    indexed = {doc for (doc,) in conn.execute("SELECT DISTINCT doc FROM temp.vocab")}
    for rowid, sentences, paragraphs, title in rows:
        assert len(json.loads(sentences)) == len(json.loads(paragraphs)) > 0 and title
        assert rowid in indexed  # its full-text row was committed with it
    conn.close()

    with Library.open(db) as lib:
        # What the killed import stored but had not grouped yet gets grouped.
        lib.group_pending()
        assert sum(r.n_versions for r in lib.stories()) == len(rows)
        summary = lib.import_paths([str(folder)])
        assert summary.duplicates == len(rows)
        assert len(summary.added) == N_FILES - len(rows)
        assert lib.count_articles() == N_FILES
        hashes = lib._conn.execute(
            "SELECT COUNT(DISTINCT content_hash), COUNT(*) FROM articles").fetchone()
        assert hashes == (N_FILES, N_FILES)
        assert sum(r.n_versions for r in lib.stories()) == N_FILES
        assert lib._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
