"""Bad input refused plainly at the services (issue 9, section 7): files, names, numbers."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from app import migrations
from app.db import Database
from app.models import Role
from app.models.errors import InvalidInput
from app.services.cases import checks
from app.services.cases import photos as case_photos
from app.services.cases import register as case_register
from app.services.cases import scan as case_scan
from app.services.core import accounts
from app.services.dispatch import senders as shop_senders
from app.services.dispatch import slips
from app.services.orders import lookup as orders
from app.services.orders import moves, notes

# Reading /dev/zero without a bound would take all memory: the child gets 1 GB at most.
_READ_DEVICE = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from app.models.errors import InvalidInput
from app.services.cases.photos import prepare_file
try:
    prepare_file(Path(sys.argv[1]))
except InvalidInput as error:
    print(error.message())
"""


@pytest.mark.parametrize("device", ["/dev/zero", "fifo"])
def test_a_device_or_pipe_is_not_read_as_a_photo(device: str, tmp_path: Path) -> None:
    if device == "fifo":
        device = str(tmp_path / "pipe.jpg")
        os.mkfifo(device)  # opening it for reading would wait for a writer forever
    result = subprocess.run(
        [sys.executable, "-c", _READ_DEVICE, device],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"{device} is not a photo file."


def test_a_photo_file_is_still_read(tmp_path: Path) -> None:
    from tests.case_helpers import jpeg

    path = tmp_path / "toe.jpg"
    path.write_bytes(jpeg())
    assert case_photos.prepare_file(path).original == path.read_bytes()


@pytest.mark.parametrize("name", ["陈静", " 陈 静 ", "陳靜", "ＡＭＹ chen"])
def test_two_staff_cannot_sign_alike(db, staff, name: str) -> None:
    admin = staff[Role.ADMIN]
    db.write(lambda s: accounts.add_user(s, admin, "amy", "Amy Chen", "pw-amy-2026", ["presales"]))
    expected = "already signs as" if name != "陳靜" else None
    add = lambda s: accounts.add_user(s, admin, "fake", name, "pw-fake-2026", ["presales"])  # noqa: E731
    if expected is None:  # traditional characters are another name: a reader tells them apart
        db.write(add)
        return
    with pytest.raises(InvalidInput, match=expected):
        db.write(add)
    assert "fake" not in {u.username for u in db.read(accounts.list_users)}


def test_old_duplicate_names_do_not_break_the_migration(db_url: str) -> None:
    """An old database with two 陈静: the first keeps the name, the later one is told apart."""
    from alembic import command

    db = Database(db_url)
    cfg = migrations._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    with db.engine.begin() as conn:
        for username in ("supervisor", "fakechen"):
            conn.execute(
                text(
                    "INSERT INTO users (username, display_name, password_hash, active, "
                    "failed_logins, created_at, version) "
                    "VALUES (:u, '陈静', 'x', true, 0, CURRENT_TIMESTAMP, 1)"
                ),
                {"u": username},
            )
    assert migrations.upgrade(db) is True
    names = {u.username: u.display_name for u in db.read(accounts.list_users)}
    assert names == {"supervisor": "陈静", "fakechen": "陈静 (fakechen)"}
    db.dispose()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e30", "is not an amount of money"),
        ("1e3", "is not an amount of money"),
        ("１０", "full-width"),
        ("-5", "is not an amount of money"),
        ("10.001", "is not an amount of money"),
        ("NaN", "is not an amount of money"),
        ("1000000.01", "is more than 1000000.00"),
    ],
)
def test_amounts_are_typed_plainly_and_bounded(typed: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        checks.parse_money(typed, "Refund")


def test_plain_amounts_are_kept() -> None:
    assert checks.parse_money("12.5", "Refund") == Decimal("12.50")
    assert checks.parse_money(Decimal("0"), "Refund") == Decimal("0.00")
    assert checks.parse_money("1000000", "Refund") == Decimal("1000000.00")


@pytest.mark.parametrize(
    "call",
    [
        lambda s: orders.list_page(s, limit=-1),
        lambda s: orders.list_page(s, limit=0),
        lambda s: orders.list_page(s, limit=99999999999999999999),
        lambda s: orders.list_page(s, before_id=99999999999999999999),
        lambda s: case_register.page(s, limit=-1),
        lambda s: case_register.page(s, limit=99999999999999999999),
        lambda s: case_register.page(s, before_id=-3),
    ],
)
def test_list_sizes_have_bounds_on_both_databases(db, call) -> None:
    with pytest.raises(InvalidInput, match="is not between"):
        db.read(call)


def test_a_correction_of_a_huge_note_number_is_refused(shop_db, shop_staff) -> None:
    order_no = shop_db.read(lambda s: orders.list_page(s, limit=1))[0].order_no
    presales = shop_staff[Role.PRESALES]
    with pytest.raises(InvalidInput, match="is not between"):
        shop_db.write(lambda s: notes.add(s, presales, order_no, "改", corrects_id=2**70))


def test_an_empty_scan_asks_for_a_number(db) -> None:
    with pytest.raises(InvalidInput, match="Scan or type"):
        db.read(lambda s: case_scan.scan(s, "  "))


@pytest.mark.parametrize(
    ("phone", "accepted"),
    [("abc", False), ("12345", False), ("0571-88886666", True), ("400-800-1234", True)],
)
def test_a_shops_sender_phone_must_be_a_phone(shop_db, shop_staff, phone, accepted) -> None:
    admin = shop_staff[Role.ADMIN]
    shop = shop_db.read(shop_senders.shops)[0].shop

    def set_sender(s):  # type: ignore[no-untyped-def]
        return slips.set_sender(s, admin, shop, name="店", phone=phone, address="杭州市文三路1号")

    if accepted:
        assert shop_db.write(set_sender)["phone"] == phone
    else:
        with pytest.raises(InvalidInput, match="is not a phone number"):
            shop_db.write(set_sender)


@pytest.mark.parametrize(("code", "ok"), [("ABCDEF", False), ("310000", True), ("SW1A 1AA", True)])
def test_a_postcode_has_a_digit(code: str, ok: bool) -> None:
    from app.services.changes.texts import Address

    address = Address("王小明", "13800138000", "浙江省", "杭州市", "西湖区", "文三路1号", code)
    if ok:
        assert address.cleaned().postcode == code
    else:
        with pytest.raises(InvalidInput, match="is not a postcode"):
            address.cleaned()


def test_a_conflict_with_no_recorded_changer_says_something_true(shop_db, shop_staff) -> None:
    from app.models import Stage
    from app.models.errors import Conflict

    row = shop_db.read(lambda s: orders.list_page(s, stage=Stage.PACKED, limit=1))[0]
    seen = shop_db.read(lambda s: orders.get(s, row.order_no)).version
    with shop_db.engine.begin() as conn:  # what an import does: no staff member stamps it
        conn.execute(
            text("UPDATE orders SET version = version + 1, updated_by_id = NULL WHERE id = :i"),
            {"i": row.id},
        )
    warehouse = shop_staff[Role.WAREHOUSE]
    with pytest.raises(Conflict) as refused:
        shop_db.write(
            lambda s: moves.move(s, warehouse, row.order_no, Stage.SHIPPED, expected_version=seen)
        )
    message = refused.value.message()
    assert "?" not in message and "by an import or the system" in message
