"""``afterdesk``: the desktop app with no sub-command, else the command line over the services.

The arguments are parsed before anything heavy is imported (``app.cli.options``); only the
chosen command's module is then imported and run.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app import keyring_choice
from app.cli import parser_language
from app.cli.options import build_parser
from app.models.errors import UserError
from app.paths import is_frozen

if TYPE_CHECKING:
    from app.cli.common import Context

log = logging.getLogger("afterdesk")


def runner(ref: str) -> Callable[[Context], int]:
    """``"cmd_orders.run_find"`` → that function of ``app.cli.cmd_orders``, imported now."""
    module, _, name = ref.rpartition(".")
    run: Callable[[Context], int] = getattr(importlib.import_module(f"app.cli.{module}"), name)
    return run


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser_language.install(argv)
    args = build_parser(argv).parse_args(argv)
    if is_frozen():  # a bundle has no installed packages for keyring to discover backends by
        keyring_choice.configure()
    if args.self_test:
        from app import selftest

        return selftest.run(args.lang)
    if args.command is None:
        from app.views.shell.app import run_gui  # Qt widgets only when the GUI is wanted

        return run_gui(db_url=args.db, language=args.lang)
    from app.cli.common import Context

    ctx = Context(args)
    try:
        return int(runner(args.run)(ctx))
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
