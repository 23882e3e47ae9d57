"""What every command shares: the database, the signed-in user, output and errors."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from app.cli.parser_language import language
from app.connect import open_database
from app.db import Database
from app.i18n import Translator
from app.models.errors import AuthenticationFailed, UserError
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import accounts
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")

ENV_USER = "AFTERDESK_USER"
ENV_PASSWORD = "AFTERDESK_PASSWORD"


class Context:
    """Built once per command run from the global options."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.tr = Translator(language(args.lang))
        self._db: Database | None = None
        self._actor: Actor | None = None
        self.current_password = ""

    def translate(self, context: str, text: str) -> str:
        """Same name and shape as QCoreApplication.translate, so lupdate finds the strings."""
        return self.tr(context, text)

    @property
    def db(self) -> Database:
        """The database, which must exist with a current schema (see ``open_db``)."""
        return self.open_db()

    def open_db(self, *, create: bool = False, check_schema: bool = True) -> Database:
        """Only ``init`` and ``demo`` pass create: a mistyped --db must not make a new file."""
        if self._db is None:
            self._db = open_database(
                self.args.db,
                ask_password=self._ask_db_password,
                create=create,
                check_schema=check_schema,
            )
        return self._db

    def _ask_db_password(self, where: str) -> str | None:
        if not sys.stdin.isatty():
            return None
        from app.credentials import keyring_problem  # the keyring's import only when asked

        problem = keyring_problem()
        if problem:
            self.err(
                self.translate(
                    "cli", "The password cannot be kept in a keyring here: {why}."
                ).format(why=problem.message(self.translate))
            )
        return getpass.getpass(
            self.translate("cli", "Database password for {where}: ").format(where=where)
        )

    def actor(self) -> Actor:
        """Sign in as --user / $AFTERDESK_USER with $AFTERDESK_PASSWORD, the keyring or a prompt."""
        if self._actor is None:
            self._actor = self._sign_in()
        return self._actor

    def read(self, action: Action, fn: Callable[[Session], T]) -> T:
        """Sign in, then read in one transaction that the capability table lets through."""
        actor = self.actor()

        def checked(session: Session) -> T:
            require(session, actor, action)
            return fn(session)

        return self.db.read(checked)

    def _sign_in(self) -> Actor:
        username = self.args.user or os.environ.get(ENV_USER)
        if not username:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP("UserError", "Say who you are: --user NAME or AFTERDESK_USER.")
            )
        password = os.environ.get(ENV_PASSWORD)
        if not password:
            from app.credentials import staff_password  # the keyring's import only when asked

            password = staff_password(self.db.describe(), username)
        if password is None and sys.stdin.isatty():
            password = getpass.getpass(
                self.translate("cli", "Password for {user}: ").format(user=username)
            )
        if not password:
            raise AuthenticationFailed(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "No password for {user}: set AFTERDESK_PASSWORD or run interactively.",
                ),
                user=username,
            )
        actor = accounts.sign_in(self.db, username, password)
        self.current_password = password  # `user password` for oneself passes it on as proof
        return actor

    def out(self, text: str) -> None:
        print(text)

    def err(self, text: str) -> None:
        print(text, file=sys.stderr)

    def emit_json(self, data: Any) -> None:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")

    def explain(self, error: UserError) -> str:
        return error.message(self.tr)

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
