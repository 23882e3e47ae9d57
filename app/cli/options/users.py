"""The options of ``afterdesk user …``."""

from __future__ import annotations

import argparse

from app.cli.options import add_json, command


def register(sub: argparse._SubParsersAction) -> None:
    parser = command(sub, "user")
    cmds = parser.add_subparsers(dest="user_cmd", required=True)
    add = cmds.add_parser("add", help="add a staff account (the first one becomes the admin)")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="the name notes are signed with, e.g. 张三")
    add.add_argument(
        "--roles",
        default="admin",
        help="comma-separated: presales,aftersales,printer,warehouse,supervisor,admin",
    )
    add_json(add)
    add.set_defaults(run="cmd_users.run_add")
    lst = cmds.add_parser("list", help="all accounts")
    add_json(lst)
    lst.set_defaults(run="cmd_users.run_list")
    roles = cmds.add_parser("roles", help="change an account's roles")
    roles.add_argument("username")
    roles.add_argument("--roles", required=True)
    add_json(roles)
    roles.set_defaults(run="cmd_users.run_roles")
    for name, active in (("disable", False), ("enable", True)):
        cmd = cmds.add_parser(name, help=f"{name} an account")
        cmd.add_argument("username")
        add_json(cmd)
        cmd.set_defaults(run="cmd_users.run_active", active=active)
    pw = cmds.add_parser(
        "password",
        help="change your own password (no USERNAME), or as administrator set someone's; "
        "the new one from $AFTERDESK_NEW_PASSWORD or a prompt",
    )
    pw.add_argument("username", nargs="?")
    pw.set_defaults(run="cmd_users.run_password")
