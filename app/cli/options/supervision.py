"""The options of ``afterdesk tasks``, ``review``, ``remind``, ``reassign`` and ``deadline``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, command

PAGE = 50  # the services' deadlines.PAGE (not imported: options load without SQLAlchemy)


def _rows(parser: argparse.ArgumentParser) -> None:
    """How many rows of each kind: a page (``--limit``), or all of them."""
    rows = parser.add_mutually_exclusive_group()
    rows.add_argument("--limit", type=int, default=PAGE, help=f"rows of each kind (default {PAGE})")
    rows.add_argument("--all", action="store_true", help="every task, not a page of each kind")


def register(sub: argparse._SubParsersAction) -> None:
    tasks = command(sub, "tasks")
    whose = tasks.add_mutually_exclusive_group()
    whose.add_argument("--mine", action="store_true", help="only mine (a supervisor sees all)")
    whose.add_argument(
        "--everyone", action="store_true", help="(supervisor) everyone's, as My tasks' Everyone"
    )
    tasks.add_argument("--overdue", action="store_true", help="only what is past its deadline")
    _rows(tasks)
    add_json(tasks)
    tasks.set_defaults(run="cmd_supervision.run_tasks")
    review = command(sub, "review")
    review.add_argument(
        "step", nargs="?", choices=["done"], help="done: record today's review as done"
    )
    review.add_argument("--date", help="the day (2026-12-08): its review record; default today")
    _rows(review)
    add_json(review)
    review.set_defaults(run="cmd_supervision.run_review")
    remind = command(sub, "remind")
    remind.add_argument("kind", help="the kind of task (see `afterdesk deadline list`)")
    remind.add_argument("key", metavar="ID", help="the case, order or request number")
    remind.add_argument("--text", required=True)
    add_json(remind)
    remind.set_defaults(run="cmd_supervision.run_remind")
    reassign = command(sub, "reassign")
    reassign.add_argument("kind")
    reassign.add_argument("key", metavar="ID")
    reassign.add_argument("--to", required=True, help="the account the task goes to")
    add_json(reassign)
    reassign.set_defaults(run="cmd_supervision.run_reassign")
    deadline = command(sub, "deadline")
    cmds = deadline.add_subparsers(dest="deadline_cmd", required=True)
    lst = cmds.add_parser("list", help="each kind of task and how long it may take")
    add_json(lst)
    lst.set_defaults(run="cmd_supervision.run_deadlines")
    set_ = cmds.add_parser("set", help="how many (working) hours a kind of task may take")
    set_.add_argument("kind")
    set_.add_argument("hours")
    set_.add_argument("--shop", help="for this shop only (a platform's refund timeout)")
    add_json(set_)
    hours = cmds.add_parser("hours", help="working hours deadlines run in (empty: on the clock)")
    hours.add_argument("hours", help='e.g. "09:00-11:30, 12:30-18:30, 18:30-23:30"')
    hours.add_argument("--shop", help="for this shop only")
    add_json(hours)
    hours.set_defaults(run="cmd_supervision.run_set_hours")
    set_.set_defaults(run="cmd_supervision.run_set_deadline")
