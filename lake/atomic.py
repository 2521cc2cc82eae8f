"""One way to replace a file: readers see the old file or the new one, never half of either.

Local files are written under a dot-named temp name beside the target and
renamed over it (``os.replace`` is atomic on one filesystem); a failure
removes the temp file and leaves the old one. An object store's single PUT is
already atomic (the object appears only when the upload completes), and a
"rename" there is a copy, so there the target is written directly.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import fsspec
from fsspec.implementations.local import LocalFileSystem

TEMP_SUFFIX = ".tmp"


def temp_name(target: str, stem: str | None = None) -> str:
    """A fresh temp path beside ``target``: dot-named and not ending in the target's suffix, so no glob takes it."""
    folder, _, leaf = target.rpartition("/")
    return f"{folder}/.{stem or leaf}.{uuid.uuid4().hex}{TEMP_SUFFIX}"


def sweep(fs: Any, folder: str, stem: str) -> None:
    """Remove temp files a killed writer of ``stem`` left in ``folder`` (one writer a part: they are stale)."""
    prefix = f".{stem}."
    for old in fs.ls(folder, detail=False):
        leaf = old.rsplit("/", 1)[-1]
        if leaf.startswith(prefix) and leaf.endswith(TEMP_SUFFIX):
            fs.rm(old)


@contextmanager
def atomic_write(target: str | Path, fs: Any = None, stem: str | None = None) -> Iterator[IO[bytes]]:
    """Yield a binary handle whose bytes replace ``target`` when the block exits cleanly."""
    if fs is None:
        fs, target = fsspec.core.url_to_fs(str(target))
    target = str(target)
    folder = target.rpartition("/")[0]
    if folder:
        fs.makedirs(folder, exist_ok=True)
    if not isinstance(fs, LocalFileSystem):
        fh = fs.open(target, "wb")
        try:
            yield fh
        except BaseException:
            fh.discard()  # closing would complete the upload with half the bytes
            raise
        fh.close()
        return
    tmp = temp_name(target, stem)
    try:
        with open(tmp, "wb") as fh:
            yield fh
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_bytes_atomic(target: str | Path, data: bytes, fs: Any = None) -> None:
    with atomic_write(target, fs) as fh:
        fh.write(data)
