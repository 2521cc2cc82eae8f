"""`ocwatch serve` and `ocwatch users`: the workbench's two commands."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from ocwatch.web.app import USERS_FILE, create_app
from ocwatch.web.db import Warehouse
from ocwatch.web.search import BUILD_COMMAND, index_state
from ocwatch.web.store import Store


def serve(warehouse: Path, host: str = "127.0.0.1", port: int = 8765, trust_header: str | None = None,
          feedback_log: Path | None = None, alerts_db: Path | None = None) -> int:
    import uvicorn

    if not Path(warehouse).is_file():
        raise RuntimeError(f"no warehouse at {warehouse}: run `ocwatch build` or `ocwatch demo` first")
    store = Store(Path(warehouse).with_name(USERS_FILE))
    if not store.users():
        print(f"no workbench user yet: add one with `ocwatch users add NAME --role admin` "
              f"(the store is {store.path})", file=sys.stderr)
    print(_index_line(Warehouse(warehouse)), file=sys.stderr)
    app = create_app(warehouse, trust_header=trust_header, feedback_log=feedback_log, alerts_db=alerts_db)
    print(f"workbench: http://{host}:{port}/", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return 0


def _index_line(wh: Warehouse) -> str:
    """What serve says of the search index at start: the nightly build writes it, serve never does."""
    path, state = index_state(wh)
    wh.close()
    if state == "ok":
        return f"search index: {path}"
    if state == "stale":
        return (f"search index: {path} is from an earlier build than the warehouse: search, evidence and "
                f"entity pages answer from it until the next build; `{BUILD_COMMAND}` rebuilds it now")
    return (f"search index: none at {path}: search, evidence and entity pages will answer 503 until "
            f"`{BUILD_COMMAND}` (or the nightly build) writes it")


def _password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise ValueError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\n")


def users_command(warehouse: Path, action: str, name: str | None, role: str) -> int:
    store = Store(Path(warehouse).with_name(USERS_FILE))
    if action == "list":
        for user, user_role in store.users():
            print(f"{user}\t{user_role}")
        return 0
    if not name:
        raise ValueError("users add: give the user's NAME")
    store.add_user(name, role, _password())
    print(f"user {name} ({role}) saved in {store.path}")
    return 0
