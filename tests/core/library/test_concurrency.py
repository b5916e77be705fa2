"""Thread-friendliness: one Library per thread; readers run while an import writes."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.library import Library
from tests.core.library.helpers import write_articles


def test_reader_thread_runs_while_another_thread_imports(tmp_path):
    path = tmp_path / "lib.sqlite"
    write_articles(tmp_path / "in", 120)
    Library.open(path).close()
    done = threading.Event()
    errors: list[BaseException] = []
    reads = []

    def importer():
        try:
            with Library.open(path) as lib:
                lib.import_paths([str(tmp_path / "in")], parallel=False)
        except BaseException as exc:  # noqa: BLE001 -- reported by the assertion below
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=importer)
    thread.start()
    with Library.open(path) as reader:
        while not done.is_set():
            reads.append(reader.count_articles())
            reader.stories(limit=20)
            reader.search("council")
    thread.join(timeout=60)
    assert not errors
    assert reads == sorted(reads)  # the reader saw committed progress, never a rollback
    with Library.open(path) as lib:
        assert lib.count_articles() == 120


def test_a_library_belongs_to_its_thread(tmp_path):
    lib = Library.open(tmp_path / "lib.sqlite")
    failure: list[BaseException] = []
    thread = threading.Thread(target=lambda: _try(lib.count_articles, failure))
    thread.start()
    thread.join()
    lib.close()
    assert failure and isinstance(failure[0], sqlite3.ProgrammingError)


def _try(fn, failure):
    try:
        fn()
    except BaseException as exc:  # noqa: BLE001
        failure.append(exc)


@pytest.fixture(scope="module")
def small_lib(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "lib.sqlite"
    with Library.open(path) as lib:
        lib.import_text("Harbour reopens\n\nThe harbour reopened on Monday, officials said.")
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(max_size=60))
def test_any_text_is_a_valid_search(small_lib, query):
    with Library.open(small_lib) as lib:
        assert isinstance(lib.search(query), list)
        assert isinstance(lib.stories(search=query), list)
