"""`ocwatch feedback`, `ocwatch alerts` and `ocwatch export`: the analysts' acts without the workbench.

Registered by ocwatch/cli.py; each handler calls one function of
ocwatch.feedback with paths from Settings, as the workbench does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ocwatch import stages
from ocwatch.settings import Settings

Handler = Callable[[argparse.Namespace, Settings], int]
# One function a kind of act: (subcommand, store function, [(flag, field, options)]).
ACT_ARGS: dict[str, tuple[str, list[tuple[str, str, dict[str, Any]]]]] = {
    "mark-mention": ("mark_mention", [("--doc", "doc_id", {"required": True}),
                                      ("--sent", "sent_idx", {"required": True, "type": int}),
                                      ("--entity", "entity_id", {"required": True}),
                                      ("--verdict", "verdict", {"required": True, "choices": ["right", "wrong"]})]),
    "mark-link": ("mark_link", [("--doc", "doc_id", {"required": True}),
                                ("--sent", "sent_idx", {"required": True, "type": int}),
                                ("--actor", "actor_id", {}), ("--market", "market", {"required": True}),
                                ("--place", "place_id", {"required": True}),
                                ("--verdict", "verdict", {"required": True, "choices": ["right", "wrong"]})]),
    "merge-actor": ("merge_actor", [("--actor", "actor_id", {"required": True}),
                                    ("--into", "into_actor_id", {"required": True})]),
    "promote-actor": ("promote_actor", [("--actor", "actor_id", {}), ("--new-id", "new_actor_id", {"required": True}),
                                        ("--name", "name", {"required": True}),
                                        ("--type", "actor_type", {"required": True}),
                                        ("--alias", "aliases", {"action": "append", "default": []}),
                                        ("--country", "country_iso3", {})]),
    "correct-place": ("correct_place", [("--place", "place_id", {"required": True}),
                                        ("--right-place", "right_place_id", {"required": True}),
                                        ("--country", "country_iso3", {"required": True}),
                                        ("--admin1", "admin1", {}), ("--doc", "doc_id", {}),
                                        ("--name", "name", {}), ("--lat", "lat", {"type": float}),
                                        ("--lon", "lon", {"type": float}), ("--place-kind", "place_kind", {})]),
    "propose-grade": ("propose_grade", [("--source", "source_id", {"required": True}),
                                        ("--grade", "grade", {"required": True, "choices": list("ABCDEF")})]),
    "review-grade": ("review_grade", [("--act", "act_id", {"required": True}),
                                      ("--verdict", "verdict", {"required": True, "choices": ["accepted", "rejected"]})]),
}
PERIOD_RE = re.compile(r"^(\S+)\.\.(\S+)$")


def _print_json(rows: Any) -> None:
    print(json.dumps(rows, ensure_ascii=False, indent=1, default=str))


def cmd_add(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.feedback import store

    name, fields = ACT_ARGS[args.act]
    act = getattr(store, name)(s.feedback_log, args.who, args.why, **{f: getattr(args, f) for _, f, _ in fields})
    print(f"recorded {act['act_id']} ({act['kind']})")
    return 0


def cmd_feedback(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.feedback import store

    log = s.feedback_log
    if args.action == "list":
        rows = store.list_acts(log, kind=args.kind, who=args.by, in_force_only=args.in_force)
        for r in rows:
            state = f"undone by {r['undone_by']}" if r["undone_by"] else "in force"
            print(f"{r['act_id']}\t{r['at']}\t{r['who']}\t{r['kind']}\t{state}\t{r['why']}")
        return 0
    if args.action == "review":
        _print_json(store.review(log))
        return 0
    if args.action == "export":
        with (open(args.output, "w", encoding="utf-8") if args.output != "-" else sys.stdout) as out:
            n = store.export_acts(log, out)
        print(f"exported {n} act(s)", file=sys.stderr)
        return 0
    if args.action == "import":
        with open(args.file, encoding="utf-8") as fh:
            result = store.import_acts(log, fh, name=args.file)
        for error in result.errors:
            print(error, file=sys.stderr)
        print(f"imported {result.added}, already there {result.already}, refused {len(result.errors)}")
        return 1 if result.errors else 0
    if args.action == "undo":
        act = store.undo(log, args.who, args.why, act_id=args.act_id)
        print(f"recorded {act['act_id']} (undo of {args.act_id})")
        return 0
    return cmd_curate(args, s)


def cmd_curate(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.feedback.curate import curate
    from ocwatch.reference import REFERENCE_DIR

    result = curate(s.feedback_log, args.reference or REFERENCE_DIR)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(f"{result.actors} actor(s), {result.aliases} alias(es), {result.places} place(s), "
          f"{result.place_aliases} place alias(es) written to "
          + ", ".join(str(p) for p in result.written))
    return 1 if result.problems else 0


def cmd_alerts(args: argparse.Namespace, s: Settings) -> int:
    from ocwatch.feedback import watches

    if args.action == "send":
        result = stages.alerts(s, args.date)
        print(result.summary())
        return 0 if result.ok else 1
    if args.action == "user":
        watches.set_user(s.alerts_db, args.user, name=args.name, email=args.email, webhook_url=args.webhook_url)
        return 0
    if args.action == "watch":
        w = watches.add_watch(s.alerts_db, args.user, args.name, market=args.market, country_iso3=args.country,
                              admin1=args.admin1, actor_id=args.actor, words=args.words)
        print(f"watch {w['watch_id']} saved")
        return 0
    _print_json({"users": watches.users(s.alerts_db), "watches": watches.watches(s.alerts_db),
                 "sent": watches.sent_log(s.alerts_db)})
    return 0


def period_arg(value: str) -> tuple[str, str]:
    m = PERIOD_RE.match(value)
    if not m:
        raise argparse.ArgumentTypeError(f"invalid period {value!r}: expected 2026-W40..2026-W46 "
                                         "or 2026-10-01..2026-11-15")
    return m[1], m[2]


def cmd_export(args: argparse.Namespace, s: Settings) -> int:
    result = stages.export_socta(s, args.period[0], args.period[1], out=args.out)
    print(result.summary())
    for kind, path in result.outputs.items():
        print(f"{kind}: {path}")
    return 0 if result.ok else 1


def _feedback_parsers(sub: argparse._SubParsersAction, common: Callable[[], argparse.ArgumentParser]) -> None:
    p = sub.add_parser("feedback", help="analysts' feedback: list, review, export, import, undo, curate, add")
    acts = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = acts.add_parser("list", parents=[common()], help="every act, oldest first")
    a.add_argument("--kind")
    a.add_argument("--by", help="only this analyst's acts")
    a.add_argument("--in-force", action="store_true", help="leave out undone acts and undos")
    acts.add_parser("review", parents=[common()], help="what waits for review, as JSON")
    a = acts.add_parser("export", parents=[common()], help="every act as JSON Lines")
    a.add_argument("--output", default="-")
    a = acts.add_parser("import", parents=[common()], help="append acts from JSON Lines (repeatable)")
    a.add_argument("file")
    a = acts.add_parser("undo", parents=[common()], help="undo an act (recorded as an act)")
    a.add_argument("act_id")
    a.add_argument("--who", required=True)
    a.add_argument("--why", required=True)
    a = acts.add_parser("curate", parents=[common()], help="write the reviewed reference files: actors, aliases, places and place aliases added through feedback")
    a.add_argument("--reference", type=Path, help="reference folder (default: the package's)")
    p.set_defaults(handler=cmd_feedback)
    add = acts.add_parser("add", help="record an act").add_subparsers(dest="act", required=True, metavar="ACT")
    for name, (_, fields) in ACT_ARGS.items():
        a = add.add_parser(name, parents=[common()], help=f"record {name.replace('-', ' ')}")
        a.add_argument("--who", required=True)
        a.add_argument("--why", required=True)
        for flag, dest, options in fields:
            a.add_argument(flag, dest=dest, **options)
        a.set_defaults(handler=cmd_add)


def _alert_parsers(sub: argparse._SubParsersAction, common: Callable[[], argparse.ArgumentParser],
                   date_arg: Callable[[str], Any]) -> None:
    p = sub.add_parser("alerts", help="watches and alert digests")
    acts = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    a = acts.add_parser("send", parents=[common()], help="send the digests of the build of a date")
    a.add_argument("--date", type=date_arg, required=True)
    a = acts.add_parser("user", parents=[common()], help="add or change a user's channels")
    a.add_argument("user")
    a.add_argument("--name")
    a.add_argument("--email")
    a.add_argument("--webhook-url", help="incoming webhook (Mattermost, Slack, Teams); kept secret")
    a = acts.add_parser("watch", parents=[common()], help="save a watch for a user")
    a.add_argument("user")
    a.add_argument("name")
    for flag in ("--market", "--country", "--admin1", "--actor", "--words"):
        a.add_argument(flag)
    acts.add_parser("list", parents=[common()], help="users, watches and the sent-log, as JSON")
    p.set_defaults(handler=cmd_alerts)


def add_parsers(sub: argparse._SubParsersAction, common: Callable[[], argparse.ArgumentParser],
                date_arg: Callable[[str], Any]) -> None:
    """The feedback, alerts and export subcommands (called by ocwatch.cli.build_parser)."""
    _feedback_parsers(sub, common)
    _alert_parsers(sub, common, date_arg)
    p = sub.add_parser("export", help="partner exports")
    kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
    a = kinds.add_parser("socta", parents=[common()],
                         help="a Frictionless Data Package of a period's indicators, findings, links and evidence")
    a.add_argument("--period", type=period_arg, required=True, help="2026-W40..2026-W46 or 2026-10-01..2026-11-15")
    a.add_argument("--out", type=Path, help="folder (default: <home>/exports/socta-<period>)")
    p.set_defaults(handler=cmd_export)
