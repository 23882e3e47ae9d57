"""Schema creation and upgrades, and databases the app must refuse politely."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app import migrations
from app.connect import open_database
from app.db import Database, parse_url
from app.models import Base
from app.models.errors import DatabaseProblem
from app.services.core import accounts


def test_init_twice_changes_nothing(db_url) -> None:
    db = Database(db_url)
    assert migrations.schema_state(db)[0] is migrations.SchemaState.EMPTY
    assert migrations.upgrade(db) is True
    assert migrations.upgrade(db) is False
    assert migrations.schema_state(db) == (
        migrations.SchemaState.CURRENT,
        migrations.head_revision(),
    )
    db.dispose()


def test_migrations_match_the_models(db) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_database_from_a_newer_app_is_refused_untouched(db) -> None:
    db.write(lambda s: accounts.create_first_admin(s, "boss", "刘洋", "s3cret-b0ss"))
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(DatabaseProblem, match="newer AfterDesk"):
        migrations.upgrade(db)
    assert db.read(accounts.has_users)


def test_foreign_database_is_not_written_into(db_url) -> None:
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseProblem, match="other tables"):
        migrations.upgrade(db)
    db.dispose()


def test_file_that_is_not_a_database(tmp_path) -> None:
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"this is a shopping list, not a database" * 100)
    with pytest.raises(DatabaseProblem, match="not an AfterDesk database file"):
        open_database(f"sqlite:///{bogus}")
    assert bogus.read_bytes().startswith(b"this is a shopping list")


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("not a url", "is not a database address"),
        ("mysql://root@localhost/shop", "Unsupported database"),
        ("sqlite://", "needs a file path"),
    ],
)
def test_malformed_urls(url, fragment) -> None:
    with pytest.raises(DatabaseProblem, match=fragment):
        parse_url(url)


def test_unreachable_server() -> None:
    with pytest.raises(DatabaseProblem, match="Cannot reach the database"):
        open_database("postgresql://postgres@127.0.0.1:9/test")


def test_fast_head_constant_names_the_newest_migration() -> None:
    assert migrations.head_revision() == migrations.HEAD


def test_the_newest_migration_steps_back_and_forth_keeping_photos(shop_db, shop_staff) -> None:
    """Going back one version (and forward again) keeps the cases' photos, on both databases."""
    from app.models import CaseType, Role
    from app.services.cases import opening as cases
    from app.services.cases import photos as case_photos
    from tests.case_helpers import jpeg, shipped_orders

    aftersales = shop_staff[Role.AFTERSALES]
    order_no = shipped_orders(shop_db, 1)[0]
    photo = case_photos.prepare(jpeg(), "toe.jpg")
    case = shop_db.write(
        lambda s: case_photos.open_with_photos(
            s, aftersales, order_no, CaseType.RETURN, [photo], quality=True,
            defect_location="鞋头",
        )
    )  # fmt: skip
    migrations.downgrade(shop_db, "0004")
    count = "SELECT count(*) FROM case_photos"
    with shop_db.engine.connect() as conn:
        assert conn.execute(text(count)).scalar() == 1
    assert migrations.upgrade(shop_db) is True
    assert len(shop_db.read(lambda s: cases.get(s, case.case_no)).photos) == 1


def test_document_language_column_keeps_every_shop(db) -> None:
    """0006 adds each shop's document language: Chinese, English for a shop abroad."""
    migrations.downgrade(db, "0005")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO shops (name, platform, sender_name, sender_phone, return_address) "
                "VALUES ('悦步鞋履旗舰店', 'tmall', '', '', ''), ('Maple', 'Shopify', '', '', '')"
            )
        )
    assert migrations.upgrade(db) is True
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, doc_language FROM shops ORDER BY name")).all()
    assert [tuple(r) for r in rows] == [("Maple", "en"), ("悦步鞋履旗舰店", "zh")]


def test_orders_in_migration_keeps_every_order(shop_db, shop_staff) -> None:
    """0008 makes order numbers unique per shop: every order, item and note survives the
    copy of the orders table (SQLite), and the audit chain still verifies."""
    from app.services.core import audit

    tables = ("orders", "order_items", "notes", "change_requests", "name_grams")

    def counts() -> dict[str, int]:
        with shop_db.engine.connect() as conn:
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}

    before = counts()
    assert before["orders"] == 300
    migrations.downgrade(shop_db, "0007")
    assert counts() == before
    assert migrations.upgrade(shop_db) is True
    assert counts() == before
    assert shop_db.read(audit.verify).ok
    with shop_db.engine.begin() as conn:
        number = conn.execute(text("SELECT order_no FROM orders LIMIT 1")).scalar_one()
        conn.execute(
            text("INSERT INTO shops (name, platform, sender_name, sender_phone, return_address)"
                 " VALUES ('Maple', 'shopify', '', '', '')")
        )  # fmt: skip
        maple = conn.execute(text("SELECT id FROM shops WHERE name = 'Maple'")).scalar_one()
        conn.execute(
            text(
                "INSERT INTO orders (order_no, shop_id, buyer_id, buyer_message, recipient_name,"
                " name_key, recipient_phone, province, city, district, street, postcode,"
                " paid_at, stage, courier, total, extras, created_at, updated_at, version,"
                " address_lines) SELECT order_no, :maple, buyer_id, buyer_message,"
                " recipient_name, name_key, recipient_phone, province, city, district, street,"
                " postcode, paid_at, stage, courier, total, extras, created_at, updated_at,"
                " version, address_lines FROM orders WHERE order_no = :no"
            ),
            {"maple": maple, "no": number},
        )
        same = "SELECT count(*) FROM orders WHERE order_no = :no"
        assert conn.execute(text(same), {"no": number}).scalar_one() == 2


def test_supervision_history_guards_step_back_and_forth(shop_db, shop_staff) -> None:
    """0023 makes reminders, reviews and complaint steps append-only: one version back the
    rows stay and are writable again; forward, the database refuses to rewrite them."""
    from sqlalchemy.exc import DBAPIError

    from app.models import Role
    from app.services.supervision import review as reviews

    shop_db.write(lambda s: reviews.mark_done(s, shop_staff[Role.SUPERVISOR]))
    rewrite = text("UPDATE daily_reviews SET by_name = by_name")
    with pytest.raises(DBAPIError, match="append-only"), shop_db.engine.begin() as conn:
        conn.execute(rewrite)
    migrations.downgrade(shop_db, "0022")
    with shop_db.engine.begin() as conn:
        assert conn.execute(rewrite).rowcount == 1
    assert migrations.upgrade(shop_db) is True
    for statement in (rewrite, text("DELETE FROM daily_reviews")):
        with pytest.raises(DBAPIError, match="append-only"), shop_db.engine.begin() as conn:
            conn.execute(statement)
    day = shop_db.read(reviews.today)
    assert [r.by for r in shop_db.read(lambda s: reviews.records(s, day, day))] == ["陈静"]


def test_zto_pattern_widened_only_where_the_shop_left_the_default(db) -> None:
    """0025 widens 中通快递's default pattern; a pattern the shop edited stays its own."""
    pattern = "SELECT pattern FROM courier_patterns WHERE code = 'ZTO'"

    def zto() -> str:
        with db.engine.connect() as conn:
            return conn.execute(text(pattern)).scalar_one()

    assert zto() == r"\d{12,15}"
    migrations.downgrade(db, "0024")
    assert zto() == r"[57]\d{11,13}"  # the default 0013 seeded
    assert migrations.upgrade(db) is True
    assert zto() == r"\d{12,15}"

    edited = r"[57]\d{11,13}|8\d{11}"
    migrations.downgrade(db, "0024")
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE courier_patterns SET pattern = :p WHERE code = 'ZTO'"), {"p": edited}
        )
    assert migrations.upgrade(db) is True
    assert zto() == edited
