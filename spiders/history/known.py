"""What one earlier fetch of a URL left: its document and the validators for a conditional GET."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Known:
    doc_id: str
    url: str
    fetched_at: dt.datetime
    etag: str | None
    last_modified: str | None
