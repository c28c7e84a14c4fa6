"""What the real-news evaluation scripts share: reading a gold CSV, loading a shared scorer, running kzru."""

from __future__ import annotations

import csv
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read(path: Path) -> list[dict]:
    """The rows of a CSV file as dicts."""
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_scorer(path: Path, name: str):
    """The scorer module at ``path`` (its functions are reused, not re-implemented)."""
    if not path.exists():
        raise SystemExit(f"{path}: scorer not found (give --scorer)")
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_kzru(*args: str) -> None:
    """``kzru ARGS...`` from the project's venv (or this Python), quietly; stops with its error output."""
    exe = ROOT / ".venv" / "bin" / "kzru"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "kzru_lib.cli"]
    res = subprocess.run([*cmd, *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "KZRU_QUIET": "1"})
    if res.returncode:
        raise SystemExit(f"kzru {args[0]} failed on {args[1]}:\n{res.stderr}")
