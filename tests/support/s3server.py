"""A real S3-compatible server on loopback for tests: moto's standalone server, in a process of its own.

Why moto and not Ceph's RADOS Gateway: Debian 12's radosgw (Ceph 16) has no
database backend compiled in and will not start without a Ceph cluster (the
dbstore backend arrived in Ceph 17). moto's server speaks the S3 REST API over
HTTP, so s3fs, botocore and DuckDB (through fsspec) talk to it as to any S3.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

# Test credentials: the server accepts any; real ones come from the AWS chain.
ACCESS_KEY = "ocwatch-test-access"
SECRET_KEY = "ocwatch-test-secret-never-logged"


@dataclass
class S3Server:
    endpoint: str
    process: subprocess.Popen

    def env(self) -> dict[str, str]:
        """What a client process needs: botocore reads these from its environment."""
        return {"AWS_ENDPOINT_URL": self.endpoint, "AWS_ACCESS_KEY_ID": ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_DEFAULT_REGION": "us-east-1"}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_s3_server(timeout_s: float = 30.0) -> S3Server:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(endpoint + "/", timeout=1).close()
            return S3Server(endpoint, proc)
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"moto server exited with {proc.returncode}") from None
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"moto server did not answer on {endpoint} within {timeout_s} s")
