"""A per-user disk cache for tables that are costly to build and the same in every process.

Each extraction process would otherwise rebuild them (the GeoNames city table
takes about 2 s to build and 0.3 s to load). The key hashes everything the
table depends on, so a new library version or a change to the builder's code
builds it again. The folder is set once per process by the front door from
settings (``OCWATCH_CACHE``, else ``$XDG_CACHE_HOME/ocwatch``, else
``~/.cache/ocwatch``) with ``use_cache_dir``; a process that was not told uses
``~/.cache/ocwatch``. A cache that cannot be read or written only costs the rebuild.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ocwatch.lake.atomic import atomic_write

log = logging.getLogger(__name__)
T = TypeVar("T")
_DIR: list[Path] = []


def use_cache_dir(path: Path) -> None:
    """Where this process keeps its cache (the front door calls it with the settings' value)."""
    _DIR[:] = [Path(path)]


def cache_dir() -> Path:
    return _DIR[0] if _DIR else Path.home() / ".cache" / "ocwatch"


def _key(name: str, builder: Callable[[], object], parts: tuple[object, ...]) -> str:
    text = "\n".join([name, inspect.getsource(builder), *map(repr, parts)])
    return f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.pickle"


def _load(path: Path) -> object | None:
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # truncated or foreign file: build again and replace it
        log.warning("disk cache %s unreadable (%s): building it again", path, exc)
        return None


def _store(path: Path, value: object) -> None:
    try:
        with atomic_write(path) as fh:  # readers see no file or a whole one
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as exc:
        log.info("disk cache %s not written (%s)", path, exc)


def cached(name: str, builder: Callable[[], T], *parts: object) -> T:
    """``builder()``, from the disk cache when an earlier process built it with the same code and ``parts``."""
    path = cache_dir() / _key(name, builder, parts)
    value = _load(path)
    if value is None:
        value = builder()
        _store(path, value)
    return value  # type: ignore[return-value]
