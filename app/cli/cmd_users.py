"""``afterdesk user …``: staff accounts and roles (administrators)."""

from __future__ import annotations

import getpass
import os
import sys

from app.cli.common import ENV_PASSWORD, Context
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import accounts
from app.services.core.accounts import UserView
from app.services.core.capabilities import Action

ENV_NEW_PASSWORD = "AFTERDESK_NEW_PASSWORD"


def _new_password(ctx: Context) -> str:
    value = os.environ.get(ENV_NEW_PASSWORD)
    if value:
        return value
    if sys.stdin.isatty():
        first = getpass.getpass(ctx.translate("cli", "New password: "))
        if first != getpass.getpass(ctx.translate("cli", "Repeat it: ")):
            raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "The two passwords differ."))
        return first
    raise InvalidInput(
        QT_TRANSLATE_NOOP("UserError", "Give the new password in AFTERDESK_NEW_PASSWORD.")
    )


def _show(ctx: Context, users: list[UserView]) -> None:
    if ctx.args.json:
        ctx.emit_json(
            [
                {
                    "username": u.username,
                    "name": u.display_name,
                    "roles": sorted(u.roles),
                    "active": u.active,
                }
                for u in users
            ]
        )
        return
    for u in users:
        roles = ", ".join(ctx.translate("Role", r.label) for r in sorted(u.roles))
        state = "" if u.active else ctx.translate("cli", " (disabled)")
        ctx.out(f"{u.username}  {u.display_name}  {roles}{state}")


def run_add(ctx: Context) -> int:
    a = ctx.args
    roles = [r for r in a.roles.split(",") if r.strip()]
    if not ctx.db.read(accounts.has_users):
        # a brand-new database: this account becomes its first administrator
        password = (
            os.environ.get(ENV_NEW_PASSWORD) or os.environ.get(ENV_PASSWORD) or _new_password(ctx)
        )
        actor = ctx.db.write(lambda s: accounts.create_first_admin(s, a.username, a.name, password))
        if set(roles) - {"admin"}:
            ctx.db.write(lambda s: accounts.set_roles(s, actor, a.username, [*roles, "admin"]))
    else:
        actor = ctx.actor()
        password = _new_password(ctx)
        ctx.db.write(lambda s: accounts.add_user(s, actor, a.username, a.name, password, roles))
    users = [u for u in ctx.db.read(accounts.list_users) if u.username == a.username.lower()]
    _show(ctx, users)
    return 0


def run_list(ctx: Context) -> int:
    _show(ctx, ctx.read(Action.USER_LIST, accounts.list_users))
    return 0


def run_roles(ctx: Context) -> int:
    actor = ctx.actor()
    roles = [r for r in ctx.args.roles.split(",") if r.strip()]
    _show(ctx, [ctx.db.write(lambda s: accounts.set_roles(s, actor, ctx.args.username, roles))])
    return 0


def run_active(ctx: Context) -> int:
    actor = ctx.actor()
    view = ctx.db.write(lambda s: accounts.set_active(s, actor, ctx.args.username, ctx.args.active))
    _show(ctx, [view])
    return 0


def run_password(ctx: Context) -> int:
    actor = ctx.actor()
    password = _new_password(ctx)
    target = (ctx.args.username or actor.username).strip().lower()
    if target == actor.username:  # one's own: the password just signed in with is the proof
        current = ctx.current_password
        ctx.db.write(lambda s: accounts.change_own_password(s, actor, current, password))
    else:
        ctx.db.write(lambda s: accounts.set_password(s, actor, target, password))
    ctx.out(ctx.translate("cli", "Password changed."))
    return 0
