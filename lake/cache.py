"""A per-user disk cache for tables that are costly to build and the same in every process.

Each extraction process would otherwise rebuild them (the GeoNames city table
takes about 2 s to build and 0.3 s to load). The key hashes everything the
table depends on, so a new library version or a change to the builder's code
builds it again. The folder is ``$OCWATCH_CACHE``, else ``$XDG_CACHE_HOME/ocwatch``,
else ``~/.cache/ocwatch``; a cache that cannot be read or written only costs the rebuild.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path:
    if os.environ.get("OCWATCH_CACHE"):
        return Path(os.environ["OCWATCH_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ocwatch"


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
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see no file or a whole one
        tmp = None
    except OSError as exc:
        log.info("disk cache %s not written (%s)", path, exc)
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def cached(name: str, builder: Callable[[], T], *parts: object) -> T:
    """``builder()``, from the disk cache when an earlier process built it with the same code and ``parts``."""
    path = cache_dir() / _key(name, builder, parts)
    value = _load(path)
    if value is None:
        value = builder()
        _store(path, value)
    return value  # type: ignore[return-value]
