"""The first start's rules (services.core.first_start): the administrator and the shop are made
together or not at all, and a server that cannot be used says what failed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app import config
from app.db import Database
from app.models import AuditEntry, Role, Setting, Shop
from app.models.errors import DatabaseProblem, InvalidInput, PermissionDenied
from app.services.core import accounts, first_start
from app.services.core.capabilities import Action, may
from app.services.core.first_start import Found, NewAdmin, NewShop, ServerAddress
from app.services.dispatch import senders, slips
from tests.conftest import PG_URL

ADMIN = NewAdmin("zhangsan", "张三", "harbour-lights-7", "harbour-lights-7")
SHOP = NewShop(
    name="小林家居旗舰店",
    platform="tmall",
    sender_name="小林家居",
    sender_phone="0571-88886666",
    return_address="浙江省杭州市余杭区文一西路 1 号",
    default_courier="顺丰速运",
    cutoff="17:30",
)


def server(database: str, *, port: int | None = None) -> ServerAddress:
    url = make_url(PG_URL)
    return ServerAddress(
        url.host or "", str(port or url.port or 5432), database, url.username or ""
    )


def counts(db: Database) -> tuple[int, int, int]:
    def read(session) -> tuple[int, int, int]:
        return (
            len(accounts.list_users(session)),
            session.execute(select(func.count()).select_from(Shop)).scalar_one(),
            session.execute(select(func.count()).select_from(AuditEntry)).scalar_one(),
        )

    return db.read(read)


def test_set_up_makes_the_administrator_and_the_shop_at_once(db: Database) -> None:
    actor = db.write(lambda s: first_start.set_up(s, ADMIN, SHOP))
    assert actor.username == "zhangsan" and actor.display_name == "张三"
    assert accounts.sign_in(db, "zhangsan", "harbour-lights-7").user_id == actor.user_id
    shop = db.read(senders.shops)[0]
    assert (shop.shop, shop.platform, shop.sender_name, shop.sender_phone) == (
        "小林家居旗舰店", "tmall", "小林家居", "0571-88886666")  # fmt: skip
    assert shop.default_courier == "顺丰速运"
    assert shop.return_address.startswith("浙江省杭州市")
    assert db.read(slips.cutoff) == "17:30"
    # who made it, in the audit log like any change
    assert counts(db)[2] >= 4
    with pytest.raises(PermissionDenied, match="already has an administrator"):
        db.write(lambda s: first_start.set_up(s, ADMIN, replace(SHOP, name="另一家")))


def test_a_one_person_shops_administrator_also_works_in_the_roles_they_chose(
    db: Database,
) -> None:
    """The first administrator who also sells, prints and packs gets those roles at once,
    recorded in the audit log, and may do that work (no second account, no Staff page)."""
    also = frozenset({Role.PRESALES, Role.PRINTER, Role.WAREHOUSE})
    actor = db.write(lambda s: first_start.set_up(s, replace(ADMIN, also=also), SHOP))
    assert actor.roles == also | {Role.ADMIN}
    signed_in = accounts.sign_in(db, "zhangsan", "harbour-lights-7")
    assert signed_in.roles == also | {Role.ADMIN}
    assert may(Action.PRINT_BATCH, signed_in) and may(Action.ORDER_PACK, signed_in)
    assert not may(Action.REVIEW, signed_in)  # not a supervisor: not ticked
    made = db.read(
        lambda s: s.execute(
            select(AuditEntry).where(AuditEntry.action == "user.create")
        ).scalar_one()
    )
    assert made.after["roles"] == ["admin", "presales", "printer", "warehouse"]
    assert Role.ADMIN not in first_start.OFFERED_ROLES and len(first_start.OFFERED_ROLES) == 5


@pytest.mark.parametrize(
    ("admin", "shop", "says"),
    [
        (replace(ADMIN, repeat="harbour-lights-8"), SHOP, "The two passwords differ"),
        (replace(ADMIN, password="short", repeat="short"), SHOP, "at least 8 characters"),
        (replace(ADMIN, password="password123", repeat="password123"), SHOP, "guesser"),
        (replace(ADMIN, username="张三"), SHOP, "not a valid user name"),
        (ADMIN, replace(SHOP, name="  "), "Shop name cannot be empty"),
        (ADMIN, replace(SHOP, cutoff="25:00"), "not a time of day"),
        (ADMIN, replace(SHOP, sender_phone="12345"), "not a phone number"),
        # checked only by the courier's save, after the account and the shop were made:
        (ADMIN, replace(SHOP, default_courier="快" * 41), "Default courier is too long"),
    ],
)
def test_a_refusal_leaves_nothing_half_made(
    db: Database, admin: NewAdmin, shop: NewShop, says: str
) -> None:
    with pytest.raises(InvalidInput, match=says):
        db.write(lambda s: first_start.set_up(s, admin, shop))
    assert counts(db) == (0, 0, 0)
    assert db.read(lambda s: s.get(Setting, slips.CUTOFF_SETTING)) is None


def test_a_server_that_cannot_be_used_says_what_failed(pg_database: str) -> None:
    with pytest.raises(DatabaseProblem, match="cannot be reached"):
        first_start.probe_server(server(pg_database, port=5999), "")
    with pytest.raises(DatabaseProblem, match="has no database “no_such_afterdesk”"):
        first_start.probe_server(server("no_such_afterdesk"), "")
    with pytest.raises(InvalidInput, match="not a port"):
        first_start.probe_server(replace(server(pg_database), port="54x"), "")
    assert first_start.probe_server(server(pg_database), "") is Found.EMPTY


def test_a_new_server_database_is_set_up_and_then_found_as_the_teams(pg_database: str) -> None:
    opened = first_start.open_server(server(pg_database), "")
    try:
        assert not opened.has_staff
        assert first_start.probe_server(server(pg_database), "") is Found.NO_STAFF
        opened.db.write(lambda s: first_start.set_up(s, ADMIN, SHOP))
        assert first_start.probe_server(server(pg_database), "") is Found.TEAM
    finally:
        opened.db.dispose()


def test_only_a_pc_without_any_database_is_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert not config.database_chosen()
    assert config.database_chosen("sqlite:///elsewhere.sqlite")  # --db names one
    config.default_db_path().parent.mkdir(parents=True)
    config.default_db_path().touch()  # the built-in file of an earlier AfterDesk
    assert config.database_chosen()


def test_an_application_role_that_may_not_make_the_tables_is_told_who_does(
    pg_database: str,
) -> None:
    """The team's recommended setup: the PCs' role owns nothing; the owner runs init."""
    role = f"ad_wizard_{pg_database[-10:]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
    try:
        with pytest.raises(DatabaseProblem, match="may not create AfterDesk's tables"):
            first_start.open_server(replace(server(pg_database), user=role), "")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{pg_database}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()
