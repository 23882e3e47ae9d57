"""The first start of AfterDesk on a PC (issue 12 §4; README, "First start in a real
shop"): where the data lives (the built-in file or the team's server), and a new database's
first administrator and first shop, made together in one transaction.

The wizard's pages only collect and show; every rule is here, so the command line or a test
sets a database up the same way.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app import migrations
from app.config import default_db_path, default_db_url
from app.connect import open_database
from app.db import Database
from app.models.enums import Role
from app.models.errors import DatabaseProblem, InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import accounts, passwords
from app.services.core.actor import Actor
from app.services.core.validation import clean_text, phone_number
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips as print_slips
from app.services.dispatch import waybills
from app.services.imports import shops

DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 5  # seconds: a mistyped address answers "cannot be reached" soon


@dataclass(frozen=True)
class ServerAddress:
    """The team's PostgreSQL server as typed; the password is kept apart (keyring)."""

    host: str
    port: str
    database: str
    user: str


@dataclass(frozen=True)
class NewAdmin:
    username: str
    display_name: str
    password: str
    repeat: str
    also: frozenset[Role] = frozenset()  # the work they do themselves besides administering


# What the first administrator may also be: every other role (a one-person shop sells,
# prints, packs and supervises itself); the roles of later accounts are given on Staff.
OFFERED_ROLES = tuple(role for role in Role if role is not Role.ADMIN)


@dataclass(frozen=True)
class NewShop:
    name: str
    platform: str
    sender_name: str
    sender_phone: str
    return_address: str
    default_courier: str
    cutoff: str


class Found(enum.Enum):
    """What the connection test found in the database."""

    EMPTY = "empty"  # nothing yet: AfterDesk sets it up
    NO_STAFF = "no_staff"  # an AfterDesk database nobody uses yet: the wizard goes on
    TEAM = "team"  # an AfterDesk database with staff: this PC joins, its people sign in
    OLDER = "older"  # an older AfterDesk schema: upgraded on the server first (README)
    NEWER = "newer"  # made by a newer AfterDesk: this PC needs updating
    FOREIGN = "foreign"  # tables that are not AfterDesk's: the wrong database


def local_url() -> str:
    """The built-in SQLite file at this PC's data path."""
    return default_db_url()


def local_path() -> str:
    return str(default_db_path())


def server_url(address: ServerAddress, password: str = "") -> URL:
    """The server's address as a URL, each field checked; the password only if given."""
    host = clean_text(address.host, field=Label(QT_TRANSLATE_NOOP("Field", "Server")), max_len=253)
    port_text = (address.port or "").strip() or str(DEFAULT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "“{port}” is not a port: a number like 5432."),
            port=address.port,
        )
    database = clean_text(
        address.database, field=Label(QT_TRANSLATE_NOOP("Field", "Database")), max_len=63
    )
    user = clean_text(address.user, field=Label(QT_TRANSLATE_NOOP("Field", "User")), max_len=63)
    return URL.create(
        "postgresql+psycopg",
        username=user,
        password=password or None,
        host=host,
        port=int(port_text),
        database=database,
    )


def _refusal(address: URL, exc: DBAPIError) -> DatabaseProblem:
    """What failed, said so a shop's IT person knows what to fix."""
    reason = str(exc.orig or exc).strip()
    lowered = reason.lower()
    where = {"host": address.host, "port": address.port}
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError", "The server {host} refused the password of the user {user}."
            ),
            host=address.host,
            user=address.username,
        )
    if "database" in lowered and "does not exist" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The server {host} has no database “{database}”. Check the name, or have it "
                "made on the server (createdb -O {user} {database}).",
            ),
            host=address.host,
            database=address.database,
            user=address.username,
        )
    if "role" in lowered and "does not exist" in lowered:
        return DatabaseProblem(
            QT_TRANSLATE_NOOP("UserError", "The server {host} has no user “{user}”."),
            host=address.host,
            user=address.username,
        )
    return DatabaseProblem(
        QT_TRANSLATE_NOOP(
            "UserError",
            "The server {host}:{port} cannot be reached. Check the address and the port, and "
            "that the server is running and lets this PC in. ({reason})",
        ),
        **where,
        # the driver's last words ("Connection refused", "timeout expired"), not its preamble
        reason=reason.splitlines()[0].rsplit("failed: ", 1)[-1] if reason else "",
    )


def _has_staff(db: Database) -> bool:
    return db.read(accounts.has_users)


def probe_server(address: ServerAddress, password: str) -> Found:
    """Connect once and say what the database holds; a failure says what failed."""
    url = server_url(address, password)
    probe = Database(url.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT)}))
    try:
        try:
            with probe.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except DBAPIError as exc:
            raise _refusal(url, exc) from exc
        state, _ = migrations.schema_state(probe)
        if state is migrations.SchemaState.CURRENT:
            return Found.TEAM if _has_staff(probe) else Found.NO_STAFF
        return {
            migrations.SchemaState.EMPTY: Found.EMPTY,
            migrations.SchemaState.OUTDATED: Found.OLDER,
            migrations.SchemaState.NEWER: Found.NEWER,
            migrations.SchemaState.FOREIGN: Found.FOREIGN,
        }[state]
    finally:
        probe.dispose()


@dataclass(frozen=True)
class Opened:
    db: Database
    has_staff: bool


def open_local() -> Opened:
    """The built-in file: made on the first start, upgraded (backed up first) when older."""
    db = open_database(local_url(), create=True, upgrade=True)
    return Opened(db, _has_staff(db))


def open_server(address: ServerAddress, password: str) -> Opened:
    """The team's server: an empty database is set up (as ``afterdesk init`` does); an older
    schema is refused until the server is upgraded after its pg_dump (README, "Upgrades")."""
    found = probe_server(address, password)  # says what failed before anything is made
    if found is Found.FOREIGN:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The database “{database}” on {host} holds other tables, not AfterDesk's: "
                "choose an empty database for AfterDesk.",
            ),
            database=address.database,
            host=address.host,
        )
    url = server_url(address, password)
    try:
        db = open_database(url.render_as_string(hide_password=False), create=True)
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
            raise
        # the team's application role owns nothing (README, "A team on several PCs"): the
        # tables are made once by the owner, with `afterdesk init --owner-url`
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The user {user} may not create AfterDesk's tables in “{database}”. The "
                "administrator sets the database up once with “afterdesk init --owner-url …” "
                "(README, “A team on several PCs”); then this PC joins it.",
            ),
            user=address.user,
            database=address.database,
        ) from exc
    return Opened(db, _has_staff(db))


def check_admin(admin: NewAdmin) -> None:
    """The first administrator's input, before anything is written (the same rules as
    every account: accounts and passwords)."""
    username = accounts.check_username(admin.username)
    clean_text(admin.display_name, field=Label(QT_TRANSLATE_NOOP("Field", "Name")), max_len=32)
    if admin.password != admin.repeat:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "The two passwords differ. Please type them again.")
        )
    passwords.check(admin.password, username)


def check_shop(shop: NewShop) -> None:
    """The first shop's input, before anything is written (the Shops page's rules)."""
    shops.check_new(shop.name, shop.platform)
    clean_text(shop.sender_name, field=Label(QT_TRANSLATE_NOOP("Field", "Sender")), max_len=64)
    phone_number(shop.sender_phone, field=Label(QT_TRANSLATE_NOOP("Field", "Phone")))
    clean_text(
        shop.return_address,
        field=Label(QT_TRANSLATE_NOOP("Field", "Return address")),
        max_len=300,
    )
    print_slips.parse_cutoff(shop.cutoff)


def set_up(session: Session, admin: NewAdmin, shop: NewShop) -> Actor:
    """The first administrator and the first shop with its label sender, default courier and
    the same-day cut-off: one transaction, so a refusal anywhere leaves nothing half-made.
    The administrator is signed in at once, with the roles they also work in."""
    check_admin(admin)
    check_shop(shop)
    actor = accounts.create_first_admin(
        session, admin.username, admin.display_name, admin.password, also=admin.also
    )
    made = shops.add(session, actor, shop.name, platform=shop.platform)
    shop_senders.save(
        session,
        actor,
        made.name,
        name=shop.sender_name,
        phone=shop.sender_phone,
        address=shop.return_address,
        default_courier=shop.default_courier,
    )
    print_slips.set_cutoff(session, actor, shop.cutoff)
    return actor


def courier_names(session: Session) -> list[str]:
    """The couriers AfterDesk knows, offered as the shop's default (any other may be typed)."""
    return [courier.name for courier in waybills.couriers(session)]
