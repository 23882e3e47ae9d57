"""``afterdesk init`` and ``afterdesk demo``."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from app import migrations
from app.cli.common import Context
from app.config import LocalSettings, resolve_db_url
from app.connect import open_database
from app.db import Database, parse_url
from app.migrations import roles
from app.models.errors import DatabaseProblem
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import accounts, backup_restore, backups, demo
from app.services.core.capabilities import Action
from app.services.core.outputs import check_output, write_beside


def run_init(ctx: Context) -> int:
    owner_url = ctx.args.owner_url
    db = open_database(
        owner_url or ctx.args.db,
        create=True,
        check_schema=False,
        ask_password=_owner_prompt(ctx) if owner_url else None,
    )

    def backed_up(path: Path) -> None:
        ctx.out(ctx.translate("cli", "The old database was copied to {path}").format(path=path))

    try:
        app_role = None
        if owner_url and db.engine.dialect.name == "postgresql":
            app_role = ctx.args.app_role or parse_url(resolve_db_url(ctx.args.db)).username
            roles.check_app_role(db, app_role or "")
        _refuse_pg_upgrade_without_dump(db, ctx.args.pg_dump_done)
        if migrations.upgrade(db, on_backup=backed_up):
            text = ctx.translate("cli", "Schema created or upgraded: {where}")
        else:
            text = ctx.translate("cli", "Schema already up to date: {where}")
        ctx.out(text.format(where=db.describe()))
        if app_role:
            roles.grant_app_role(db, app_role)
            ctx.out(
                ctx.translate(
                    "cli",
                    "Application role {role}: does the day's work, may only add to notes and "
                    "the audit log, and owns nothing.",
                ).format(role=app_role)
            )
    finally:
        db.dispose()
    return 0


def _refuse_pg_upgrade_without_dump(db: Database, dump_done: bool) -> None:
    """A PostgreSQL server's data is the team's: its schema changes only after a pg_dump
    the administrator says they took (SQLite is copied beside itself automatically)."""
    if db.is_sqlite or dump_done:
        return
    state, revision = migrations.schema_state(db)
    if state is migrations.SchemaState.OUTDATED:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{where} has an older schema ({revision}). Take a backup on the server "
                "first, e.g. pg_dump -Fc -f afterdesk-before-upgrade.dump {name}, then run "
                "“afterdesk init --pg-dump-done”.",
            ),
            where=db.describe(),
            revision=revision,
            name=db.url.database or "afterdesk",
        )


def _owner_prompt(ctx: Context) -> Callable[[str], str | None]:
    """The owner's password is the administrator's: asked each time, never kept."""

    def ask(where: str) -> str | None:
        if not sys.stdin.isatty():
            return None
        question = ctx.translate("cli", "Owner (administrator) password for {where}: ")
        return getpass.getpass(question.format(where=where))

    return ask


def run_demo(ctx: Context) -> int:
    db = ctx.open_db(create=True)  # a new database, or one `init` made
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
    ctx.read(Action.BACKUP, lambda _s: None)  # administrators only: it holds every password hash
    if ctx.args.target is None:  # the daily copy, as the app takes it (cron, Task Scheduler)
        db_file = backups.database_path(ctx.db)
        folder = backups.folder_for(db_file, ctx.args.folder or LocalSettings.load().backup_dir)
        done = backups.take(ctx.db, folder)
        ctx.out(
            ctx.translate(
                "cli", "Backup written to {path} and checked ({entries} audit entries)."
            ).format(path=done.path, entries=done.audit_entries)
        )
        for path in done.removed:
            ctx.out(ctx.translate("cli", "Older backup removed: {path}").format(path=path))
        return 0
    target = check_output(ctx.db.url, ctx.args.target, overwrite=ctx.args.overwrite)
    write_beside(target, ctx.db.backup_to)  # a full disk leaves no half-written backup
    ctx.out(ctx.translate("cli", "Backup written to {path}").format(path=ctx.args.target))
    return 0


def run_restore(ctx: Context) -> int:
    url = parse_url(resolve_db_url(ctx.args.db))
    if url.get_backend_name() != "sqlite":
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "A PostgreSQL database is restored on the server, with pg_restore "
                "(README, “Backup”).",
            )
        )
    db_file = Path(url.database or "").expanduser().resolve()
    source = Path(ctx.args.source).expanduser()
    backups.check_file(source)  # before anyone is asked for a password
    try:
        current: Database | None = ctx.db
    except DatabaseProblem:
        current = None
    if current is not None:  # an administrator of the database it replaces says so
        ctx.read(Action.BACKUP, lambda _s: None)
    else:
        # gone or damaged: then nobody can sign in to it, and on one PC whoever may write the
        # file may replace it (README, "What the audit log guarantees")
        ctx.err(
            ctx.translate(
                "cli", "The current database cannot be opened ({where}); restoring over it."
            ).format(where=db_file)
        )
    ctx.close()  # no connection of ours may hold the file being replaced
    done = backup_restore.restore(db_file, source)
    ctx.out(
        ctx.translate(
            "cli",
            "Restored {source} to {where} (schema {revision}, {entries} audit entries checked).",
        ).format(source=source, where=db_file, revision=done.revision, entries=done.audit_entries)
    )
    if done.replaced is not None:
        ctx.out(
            ctx.translate("cli", "The database it replaced is kept as {path}").format(
                path=done.replaced
            )
        )
    return 0
