"""The command line's parser, built from these light modules alone.

Each command names its runner as ``"cmd_module.function"`` (``set_defaults(run=…)``); the
runner's module, with SQLAlchemy, ReportLab and the services behind it, is imported only
when that command runs, so ``afterdesk --help`` and a mistyped option answer at once.
"""

from __future__ import annotations

import argparse

from app import __version__


def build_parser() -> argparse.ArgumentParser:
    from app.cli.options import (
        audit,
        cases,
        changes,
        notes,
        orders,
        printing,
        register,
        setup,
        users,
    )

    parser = argparse.ArgumentParser(
        prog="afterdesk",
        description="AfterDesk (售后台): the after-sales back office. "
        "Without a command it opens the desktop app.",
    )
    parser.add_argument("--db", help="database URL (default: $AFTERDESK_DB or the local file)")
    parser.add_argument("--user", help="act as this staff account (default: $AFTERDESK_USER)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of messages")
    parser.add_argument("-V", "--app-version", action="version", version=f"AfterDesk {__version__}")
    sub = parser.add_subparsers(dest="command")
    for module in (setup, orders, notes, changes, cases, register, printing, users, audit):
        module.register(sub)
    return parser


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")


def add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        dest="expected_version",
        type=int,
        default=None,
        help="the order version you looked at; refused if someone changed it since",
    )
