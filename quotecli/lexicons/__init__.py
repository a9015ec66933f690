"""Lexicons: data files, one entry per line, '#' starts a comment. Loaded once per process."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def load(name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/<name>.txt`` in file order, comments and blank lines dropped."""
    raw = files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)
