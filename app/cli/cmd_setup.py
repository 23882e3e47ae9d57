"""``afterdesk init`` and ``afterdesk demo``."""

from __future__ import annotations

import sys
from pathlib import Path

from app import migrations
from app.cli.common import Context
from app.connect import open_database
from app.services.core import accounts, demo


def run_init(ctx: Context) -> int:
    db = open_database(ctx.args.db, upgrade=False)
    try:
        if migrations.upgrade(db):
            text = ctx.translate("cli", "Schema created or upgraded: {where}")
        else:
            text = ctx.translate("cli", "Schema already up to date: {where}")
        ctx.out(text.format(where=db.describe()))
    finally:
        db.dispose()
    return 0


def run_demo(ctx: Context) -> int:
    db = ctx.db
    if ctx.args.if_empty and db.read(accounts.has_users):
        ctx.out(ctx.translate("cli", "The database already has data; the demo was not loaded."))
        return 0
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    result = db.write(lambda s: demo.fill(s, ctx.args.orders, progress=progress))
    db.refresh_statistics(demo.LOADED_TABLES)
    if interactive:
        print(file=sys.stderr)
    ctx.out(
        ctx.translate(
            "cli", "Demo shop ready: {orders} orders, {items} items, {notes} notes."
        ).format(orders=result.orders, items=result.items, notes=result.notes)
    )
    ctx.out(
        ctx.translate("cli", "Accounts (password “demo”): {users}").format(
            users=", ".join(result.users)
        )
    )
    return 0


def run_backup(ctx: Context) -> int:
    ctx.db.backup_to(Path(ctx.args.target))
    ctx.out(ctx.translate("cli", "Backup written to {path}").format(path=ctx.args.target))
    return 0
