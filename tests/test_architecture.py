"""The core stays Qt-free: importing every reader.core module loads no Qt binding."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core


def _core_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(reader.core.__path__, prefix="reader.core.")
    )


def test_core_has_modules():
    assert "reader.core.model" in _core_modules()


def test_core_imports_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "import reader.cli\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')"
        " or m.startswith('reader.ui')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_source_has_no_qt_import_even_inside_functions():
    """A lazy `from reader.ui…` inside a function is a dependency too: the import test misses it."""
    import pathlib
    import re

    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|reader\.ui)\b", re.MULTILINE)
    core = pathlib.Path(reader.core.__file__).parent
    offenders = [str(p.relative_to(core)) for p in core.rglob("*.py")
                 if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
