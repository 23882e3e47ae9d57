"""A print batch takes its waybill numbers from the shop's pool (issue 11, section 1): in the
transaction that records it, never a number twice (two real processes), nothing taken when the
batch fails or is killed, and an exhausted pool stops it before anything is recorded."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db import Database
from app.models import Order, PrintBatch, Role, Setting, Shop, Stage, WaybillNumber
from app.models.errors import InvalidInput
from app.services.dispatch import batches as printing
from app.services.dispatch import pools
from app.services.dispatch.senders import COURIER_SETTING
from tests.printing_helpers import barcodes, chinese_documents, text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shop_db(shop_db: Database) -> Database:
    """The demo shops print with 中通快递 by default (their paid orders have no courier yet)."""
    chinese_documents(shop_db)

    def couriers(s) -> None:  # type: ignore[no-untyped-def]
        for shop in s.execute(select(Shop)).scalars():
            s.add(Setting(key=COURIER_SETTING.format(id=shop.id), value="中通快递"))

    shop_db.write(couriers)
    return shop_db


def _load(db: Database, admin, first: int, count: int) -> None:  # type: ignore[no-untyped-def]
    for n, shop in enumerate(db.read(lambda s: list(s.scalars(select(Shop.name))))):
        start = 773_000_000_000 + n * 1_000_000 + first
        db.write(
            lambda s, sh=shop, a=start: pools.load(
                s, admin, "ZTO", sh, first_last=f"{a}-{a + count - 1}"
            )
        )


def _taken(db: Database) -> list[tuple[str, int | None]]:
    return db.read(
        lambda s: s.execute(
            select(WaybillNumber.number, WaybillNumber.order_id).order_by(WaybillNumber.id)
        ).all()
    )


def _printable(db: Database, printer) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.order_no for w in db.read(lambda s: printing.waiting(s, cutoff="")) if not w.holds]


def test_a_batch_takes_the_pools_next_numbers_and_prints_them(
    shop_db, shop_staff, tmp_path
) -> None:
    printer, admin = shop_staff[Role.PRINTER], shop_staff[Role.ADMIN]
    _load(shop_db, admin, 1, 120)
    out, labels = tmp_path / "batch.pdf", tmp_path / "labels.pdf"
    result = printing.run_batch(shop_db, printer, out=out, labels_out=labels, cutoff="")
    printed = shop_db.read(
        lambda s: s.execute(
            select(
                Order.order_no, Order.courier, Order.tracking_no, Order.waybill_source, Order.id
            ).where(Order.order_no.in_(result.printed))
        ).all()
    )
    assert len(printed) == len(result.printed) > 20
    assert all(c == "中通快递" and n and src == "pool" for _, c, n, src, _ in printed)
    given = {oid: number for number, oid in _taken(shop_db) if oid is not None}
    assert given == {oid: n for _, _, n, _, oid in printed}  # each its own pool number
    assert len(set(given.values())) == len(given)
    first = result.printed[0]
    number = next(n for o, _, n, _, _ in printed if o == first)
    assert number in text(labels, 1) and barcodes(labels, tmp_path, 1) == sorted([first, number])
    left = sum(p.left for p in shop_db.read(lambda s: pools.left(s, admin)))
    assert left == 240 - len(result.printed)
    # the shops warn below 100 numbers: the batch says so
    assert any("number pool" in w.message() for w in result.warnings)


def test_an_exhausted_pool_stops_the_batch_before_anything_is_recorded(
    shop_db, shop_staff, tmp_path
) -> None:
    printer, admin = shop_staff[Role.PRINTER], shop_staff[Role.ADMIN]
    _load(shop_db, admin, 1, 3)
    waiting = len(_printable(shop_db, printer))
    out = tmp_path / "batch.pdf"
    with pytest.raises(InvalidInput) as refused:
        printing.run_batch(shop_db, printer, out=out, cutoff="")
    message = refused.value.message()
    assert (
        "has 3 numbers left; this batch needs" in message and "afterdesk waybills load" in message
    )
    assert not out.exists() and all(order_id is None for _, order_id in _taken(shop_db))
    assert shop_db.read(lambda s: s.scalar(select(func.count()).select_from(PrintBatch))) == 0
    assert len(_printable(shop_db, printer)) == waiting


CHILD = """
import json, os, signal, sys, time
from pathlib import Path
from app.db import Database
from app.models import Role
from app.services.core.actor import Actor
from app.services.dispatch import batches, pools

url, user_id, go, out, kill, *order_nos = sys.argv[1:]
user_id, go = int(user_id), Path(go)
actor = Actor(user_id, "printer", "王芳", frozenset({Role.PRINTER}))
if kill == "kill":
    real = pools.claim

    def claim_then_die(session, taken, now):
        real(session, taken, now)
        session.flush()
        os.kill(os.getpid(), signal.SIGKILL)  # inside the write: no rollback, no cleanup

    batches.pools.claim = claim_then_die
while not go.exists():
    time.sleep(0.01)
result = batches.run_batch(Database(url), actor, out=Path(out), order_nos=order_nos, cutoff="")
print(json.dumps(list(result.printed)))
"""


def _child(url: str, printer, go: Path, out: Path, kill: str, order_nos: list[str]):  # type: ignore[no-untyped-def]
    args = [url, str(printer.user_id), str(go), str(out), kill, *order_nos]
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_processes_printing_at_once_never_share_a_number(
    shop_db, db_url, shop_staff, tmp_path
) -> None:
    printer, admin = shop_staff[Role.PRINTER], shop_staff[Role.ADMIN]
    _load(shop_db, admin, 1, 500)
    orders = _printable(shop_db, printer)
    half = len(orders) // 2
    go = tmp_path / "go"
    children = [
        _child(db_url, printer, go, tmp_path / f"batch{n}.pdf", "", part)
        for n, part in enumerate((orders[:half], orders[half:]))
    ]
    time.sleep(2)  # both interpreters started and waiting
    go.touch()
    printed: list[str] = []
    for child in children:
        stdout, stderr = child.communicate(timeout=300)
        assert child.returncode == 0, stderr
        printed += json.loads(stdout)
    assert sorted(printed) == sorted(orders)
    given = [(n, o) for n, o in _taken(shop_db) if o is not None]
    assert len(given) == len(orders) == len({n for n, _ in given}) == len({o for _, o in given})
    numbers = shop_db.read(
        lambda s: s.execute(
            select(Order.id, Order.tracking_no).where(Order.order_no.in_(orders))
        ).all()
    )
    assert dict(numbers) == {o: n for n, o in given}  # the order shows the number it took


@pytest.mark.slow
def test_a_batch_killed_while_recording_leaves_the_pool_as_it_was(
    shop_db, db_url, shop_staff, tmp_path
) -> None:
    printer, admin = shop_staff[Role.PRINTER], shop_staff[Role.ADMIN]
    _load(shop_db, admin, 1, 300)
    orders = _printable(shop_db, printer)[:30]
    go = tmp_path / "go"
    go.touch()
    child = _child(db_url, printer, go, tmp_path / "batch.pdf", "kill", orders)
    _, stderr = child.communicate(timeout=300)
    assert child.returncode == -signal.SIGKILL, stderr
    assert all(order_id is None for _, order_id in _taken(shop_db))
    stages = shop_db.read(
        lambda s: s.execute(
            select(Order.stage, Order.tracking_no).where(Order.order_no.in_(orders))
        ).all()
    )
    assert stages and all(st == Stage.PAID.value and n is None for st, n in stages)
    assert shop_db.read(lambda s: s.scalar(select(func.count()).select_from(PrintBatch))) == 0
    # the next batch takes the same first numbers
    again = printing.run_batch(shop_db, printer, out=tmp_path / "again.pdf", order_nos=orders)
    assert len(again.printed) == len(orders)
    assert [o for _, o in _taken(shop_db)[:30]] != [None] * 30
