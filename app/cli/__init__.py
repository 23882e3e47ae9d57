"""``afterdesk``: the desktop app with no sub-command, else the command line over the services."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from app import __version__
from app.cli import (
    cmd_audit,
    cmd_cases,
    cmd_changes,
    cmd_notes,
    cmd_orders,
    cmd_print,
    cmd_register,
    cmd_setup,
    cmd_users,
)
from app.cli.common import Context
from app.models.errors import UserError

log = logging.getLogger("afterdesk")


def build_parser() -> argparse.ArgumentParser:
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
    for module in (
        cmd_setup,
        cmd_orders,
        cmd_notes,
        cmd_changes,
        cmd_cases,
        cmd_register,
        cmd_print,
        cmd_users,
        cmd_audit,
    ):
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from app.views.shell.app import run_gui  # Qt widgets only when the GUI is wanted

        return run_gui(db_url=args.db, language=args.lang)
    ctx = Context(args)
    try:
        return int(args.run(ctx))
    except UserError as error:
        ctx.err(ctx.explain(error))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `afterdesk orders list | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        log.exception("unexpected error")
        ctx.err(ctx.translate("cli", "Unexpected error: this is a bug. Details are above."))
        return 1
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
