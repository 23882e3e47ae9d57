"""The command line's parser, built from these light modules alone.

Each command names its runner as ``"cmd_module.function"`` (``set_defaults(run=…)``); the
runner's module, with SQLAlchemy, ReportLab and the services behind it, is imported only
when that command runs, so ``afterdesk --help`` and a mistyped option answer at once. Given
the arguments, only the named command's options are built: the others are listed by name
and help, which is all ``afterdesk --help`` shows of them.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Sequence

from app import __version__
from app.cli.options.intermixed import CommandParser

# Each top-level command, in the order --help lists them: the module declaring its options
# (app/cli/options/MODULE.py, whose register() adds it with command()) and its help
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("setup", "create or upgrade the database schema"),
    "demo": ("setup", "fill a new database with a demo shop"),
    "backup": ("setup", "copy the SQLite database to a new file, safely"),
    "restore": ("setup", "put a checked backup in place of the SQLite database"),
    "orders": ("orders", "find, show and list orders"),
    "note": ("notes", "order notes (signed and dated, never edited)"),
    "change": ("changes", "record a customer's change or cancellation"),
    "requests": ("changes", "the order printer's request queue"),
    "case": ("cases", "after-sales cases: returns, exchanges, recalls, refunds"),
    "register": ("register", "the after-sales register (售后登记表)"),
    "scan": ("register", "what the warehouse's scan of a code finds"),
    "print": ("printing", "shipping labels, dispatch notes and daily batches"),
    "pack": ("packing", "the packing desk: check an order's items and its label, packed"),
    "barcodes": ("packing", "product barcodes of a shop's items, for the packing desk"),
    "waybills": ("waybills", "waybill numbers: courier patterns, number pools, typed numbers"),
    "import": ("imports", "bring a platform's order export or product catalogue in"),
    "shop": ("imports", "add or rename a shop"),
    "handover": ("shipping", "the courier's hand-over (交接): scan parcels, print the manifest"),
    "export": ("shipping", "shipments back to the platform (bulk-ship upload)"),
    "score": ("scores", "the monthly score sheet (奖罚评分表)"),
    "roster": ("scores", "the duty roster (值班表): shifts, swaps, who is on duty"),
    "complaint": ("complaints", "complaints (投诉): deadlines, escalation, follow-up call"),
    "dispute": ("complaints", "platform disputes (维权) and their evidence pack"),
    "tasks": ("supervision", "my tasks, overdue first, with their deadlines"),
    "review": ("supervision", "the supervisor's daily review; `review done` records it"),
    "remind": ("supervision", "remind a task's owner (signed, dated, kept)"),
    "reassign": ("supervision", "give a task to another person (supervisor)"),
    "deadline": ("supervision", "how long each kind of task may take"),
    "user": ("users", "staff accounts and roles"),
    "audit": ("audit", "the audit log"),
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Every command's options, or only those of the command ``argv`` names."""
    if argv is None:
        return _parser(lambda _module: True)
    wanted = _command(argv)  # None: no command, the desktop app opens
    return _parser(lambda module: wanted is not None and COMMANDS[wanted][0] == module)


def _command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, parsed with the others listed only (``--help``, a
    mistyped command or the version are answered here and exit)."""
    args, _rest = _parser(lambda _module: False).parse_known_args(argv)
    command: str | None = args.command
    return command


def _parser(full: Callable[[str], bool]) -> argparse.ArgumentParser:
    parser = CommandParser(
        prog="afterdesk",
        description="AfterDesk (售后台): the after-sales back office. "
        "Without a command it opens the desktop app.",
    )
    parser.add_argument("--db", help="database URL (default: $AFTERDESK_DB or the local file)")
    parser.add_argument("--user", help="act as this staff account (default: $AFTERDESK_USER)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of messages")
    parser.add_argument(
        "-V",
        "--version",
        "--app-version",
        action=_Version,
        help="show the version and the database schema revision it uses, and exit",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (fonts, translations, keyring, windows, printing) on a "
        "demo database in a temporary folder, and exit with 0 when all is well",
    )
    sub = parser.add_subparsers(dest="command")
    registered: set[str] = set()
    for name, (module, helptext) in COMMANDS.items():
        if module in registered:
            continue
        if full(module):
            importlib.import_module(f"app.cli.options.{module}").register(sub)
            registered.add(module)
        else:  # listed only: its options are not needed to answer
            sub.add_parser(name, help=helptext, add_help=False)
    return parser


class _Version(argparse.Action):
    """``afterdesk --version``: the version and the schema revision, which is what an upgrade
    of a team is about (issue 12 §6). A command's own --version (an order's) is its own."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from app.migrations import HEAD  # the migrations package only when asked

        print(f"AfterDesk {__version__} (database schema {HEAD})")  # stdout, as argparse's
        parser.exit()


def command(sub: argparse._SubParsersAction, name: str) -> argparse.ArgumentParser:
    """A top-level command with its help from COMMANDS."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=COMMANDS[name][1])
    return parser


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")


def add_overwrite(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--overwrite", action="store_true", help="replace the file if it exists already"
    )


def add_out(parser: argparse.ArgumentParser, helptext: str = "the PDF to write") -> None:
    """The file a command writes; never the database, never over a file unless --overwrite."""
    from pathlib import Path

    parser.add_argument("--out", required=True, type=Path, help=helptext)
    add_overwrite(parser)


def add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        dest="expected_version",
        type=int,
        default=None,
        help="the order version you looked at; refused if someone changed it since",
    )
