"""The options of ``afterdesk init``, ``demo`` and ``backup``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    init = sub.add_parser("init", help="create or upgrade the database schema")
    init.set_defaults(run="cmd_setup.run_init")
    dem = sub.add_parser("demo", help="fill a new database with a demo shop")
    dem.add_argument("--orders", type=int, default=500, help="how many orders (default 500)")
    dem.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (and succeed) if the database already has staff",
    )
    dem.set_defaults(run="cmd_setup.run_demo")
    backup = sub.add_parser("backup", help="copy the SQLite database to a new file, safely")
    backup.add_argument("target", help="the new file, e.g. D:/backup/afterdesk-2026-11-24.sqlite")
    backup.set_defaults(run="cmd_setup.run_backup")
