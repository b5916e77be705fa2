"""Run the real `parallax` command in a child process, with a timeout (a hang is a failure)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = ("Flood waters rise\n\nThe river rose two metres overnight in the valley. Villages "
        "along the bank were evacuated by the army.\n")


def run_cli(*args: str | bytes, timeout: float = 60, env: dict | None = None,
            cwd: str | os.PathLike | None = None) -> subprocess.CompletedProcess:
    """`python -m reader ARGS` with the test's environment; raises TimeoutExpired on a hang."""
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          timeout=timeout, env=full_env, cwd=cwd)
