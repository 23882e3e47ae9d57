"""The options of ``afterdesk init``, ``demo``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse

from app.cli.options import add_overwrite, command


def register(sub: argparse._SubParsersAction) -> None:
    init = command(sub, "init")
    init.add_argument(
        "--owner-url",
        metavar="URL",
        help="PostgreSQL: migrate as this owner (its password is asked for if not in the URL) "
        "and grant the application role (--db's user) only what the app needs",
    )
    init.add_argument("--app-role", metavar="NAME", help="the application role, if not --db's user")
    init.add_argument(
        "--pg-dump-done",
        action="store_true",
        help="PostgreSQL: you took a pg_dump of the database just now; an older schema is "
        "upgraded only with this (a SQLite file is copied beside itself instead)",
    )
    init.set_defaults(run="cmd_setup.run_init")
    dem = command(sub, "demo")
    dem.add_argument("--orders", type=int, default=500, help="how many orders (default 500)")
    dem.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (and succeed) if the database already has staff",
    )
    dem.set_defaults(run="cmd_setup.run_demo")
    backup = command(sub, "backup")
    backup.add_argument(
        "target",
        nargs="?",
        help="the new file, e.g. D:/backup/afterdesk-2026-11-24.sqlite; without it, the daily "
        "copy into the backup folder (checked, 14 daily and 8 weekly kept)",
    )
    backup.add_argument(
        "--folder", help="the backup folder (default: the one in Settings, else beside the data)"
    )
    add_overwrite(backup)
    backup.set_defaults(run="cmd_setup.run_backup")
    restore = command(sub, "restore")
    restore.add_argument(
        "source", help="a backup (a .sqlite copy); close AfterDesk on this PC first"
    )
    restore.set_defaults(run="cmd_setup.run_restore")
