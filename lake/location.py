"""Where the lake lives: a local folder or an object-store URL (``s3://bucket/prefix``), as one value.

Every stage is handed a ``Lake`` instead of a bare string, so a path is
spelled one way (a local folder resolved once, a URL without a trailing
slash) and the filesystem behind it is built once. Object-store credentials
are never part of the value: the storage library's own chain (for S3 the
``AWS_*`` variables, a profile or an instance role) supplies them, so they
reach no log line, no ``build_info`` row and no repr.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True)
class Lake:
    url: str

    @classmethod
    def at(cls, where: Lake | str | Path) -> Lake:
        """The lake at a folder or URL; a ``Lake`` is returned as it is."""
        if isinstance(where, Lake):
            return where
        text = str(where)
        if "://" in text:
            scheme = text.split("://", 1)[0]
            if scheme == "file":
                return cls(str(Path(text.split("://", 1)[1]).resolve()))
            return cls(text.rstrip("/"))
        if text.startswith("s3:/"):  # what pathlib leaves of s3://: refuse rather than write locally
            raise ValueError(f"lake {text!r} looks like a mangled URL; write it as s3://bucket/prefix")
        return cls(str(Path(text).resolve()))

    @property
    def is_local(self) -> bool:
        return "://" not in self.url

    @property
    def local_path(self) -> Path:
        if not self.is_local:
            raise ValueError(f"lake {self.url} is not a local folder")
        return Path(self.url)

    @cached_property
    def fs(self) -> Any:
        """The fsspec filesystem the lake's paths are read and written through."""
        import fsspec  # here, not at import: settings (and so DAG parsing) import this module

        return fsspec.core.url_to_fs(self.url)[0]

    def join(self, *parts: str) -> str:
        """A path (local) or URL (object store) under the lake."""
        return "/".join([self.url, *parts])

    def fs_path(self, path: str) -> str:
        """``path`` as the filesystem names it (no scheme for object stores)."""
        return self.fs._strip_protocol(path) if not self.is_local else path

    def full(self, fs_path: str) -> str:
        """A filesystem path back to a path or URL that DuckDB and fsspec both open."""
        return fs_path if self.is_local else self.fs.unstrip_protocol(fs_path)

    def register(self, con: duckdb.DuckDBPyConnection) -> None:
        """Let DuckDB read the lake's URLs through the same filesystem (no extension download)."""
        if self.is_local:
            return
        protocols = self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,)
        if not any(con.filesystem_is_registered(p) for p in protocols):
            con.register_filesystem(self.fs)

    @contextmanager
    def duckdb(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """An in-memory DuckDB connection (UTC) that reads the lake's part files, wherever they are."""
        import duckdb

        with duckdb.connect() as con:
            con.execute("SET TimeZone='UTC'")
            self.register(con)
            yield con

    def __str__(self) -> str:
        return self.url
