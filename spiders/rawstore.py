"""Raw response bodies, gzip-compressed and addressed by SHA-256: ``<raw>/<sha[:2]>/<sha>.gz``.

Content addressing makes a store idempotent (the same bytes are written once)
and lets any document be traced to the exact bytes fetched.
"""

from __future__ import annotations

import gzip
import hashlib
import re

import fsspec

from ocwatch.lake.atomic import write_bytes_atomic

_RELPATH = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{64}\.gz$")


def raw_relpath(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256}.gz"


def store_raw(raw_root: str, body: bytes) -> tuple[str, str]:
    """Keep a body; returns (sha256, path relative to the raw root). Safe to call twice."""
    sha = hashlib.sha256(body).hexdigest()
    rel = raw_relpath(sha)
    fs, root = fsspec.core.url_to_fs(str(raw_root))
    target = f"{root.rstrip('/')}/{rel}"
    if fs.exists(target):
        return sha, rel
    # A concurrent crawl or a crash never leaves half a file under the real name.
    write_bytes_atomic(target, gzip.compress(body, compresslevel=6, mtime=0), fs)
    return sha, rel


def load_raw(raw_root: str, relpath: str) -> bytes:
    """The original bytes of a stored body; ValueError if they no longer match their address."""
    # raw_path comes from a lake row: only the store's own shape of path, never ../ or an absolute one.
    if not isinstance(relpath, str) or not _RELPATH.match(relpath) or relpath[:2] != relpath[3:5]:
        raise ValueError(f"raw path {relpath!r} is not a raw store address")
    fs, root = fsspec.core.url_to_fs(str(raw_root))
    with fs.open(f"{root.rstrip('/')}/{relpath}", "rb") as fh:
        body = gzip.decompress(fh.read())
    expected = relpath.rsplit("/", 1)[-1].removesuffix(".gz")
    if hashlib.sha256(body).hexdigest() != expected:
        raise ValueError(f"raw body {relpath} does not match its SHA-256")
    return body
