"""Settling an import conflict, beyond test_imports_merge's: what the next export does after
"ours", a refusal after printing changes nothing, who may (history.settle; issue 10)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import AuditEntry, ImportConflict, Order, Role, Shop, Stage
from app.models.errors import InvalidInput, PermissionDenied, TransitionRefused
from app.services.changes import requests as changes
from app.services.changes.texts import Address as NewAddress
from app.services.core import audit
from app.services.imports import history
from app.services.imports.records import Address
from tests.import_helpers import run, taobao

SHOP = "悦步鞋履旗舰店"
HERE = NewAddress("王小明", "13800138000", "浙江省", "杭州市", "滨江区", "江南大道 1号")
PLATFORM = Address(province="浙江省", city="杭州市", district="余杭区", street="五常大道 8号")


def _conflict(db, staff, tmp_path, no: str = "S1") -> ImportConflict:
    """An address confirmed here, then an export with a third address: one open conflict."""
    printer, presales = staff[Role.PRINTER], staff[Role.PRESALES]
    run(db, printer, tmp_path, [taobao(no)])
    db.write(lambda s: changes.request_address(s, presales, no, HERE, confirmed=True))
    run(db, printer, tmp_path, [taobao(no, address=PLATFORM)])
    return db.read(lambda s: s.execute(select(ImportConflict)).scalar_one())


def _order(db, no: str) -> Order:
    stmt = select(Order).join(Shop).where(Order.order_no == no, Shop.name == SHOP)
    return db.read(lambda s: s.execute(stmt).scalar_one())


def test_keeping_ours_closes_it_and_the_same_export_raises_nothing(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    conflict = _conflict(db, staff, tmp_path)
    db.write(lambda s: history.settle(s, printer, conflict.id, "ours"))
    assert _order(db, "S1").district == "滨江区"
    assert db.read(lambda s: history.conflicts(s, printer)) == []  # nothing open
    again = run(db, printer, tmp_path, [taobao("S1", address=PLATFORM, buyer_message="再次导出")])
    assert again.counts.conflicts == 0 and _order(db, "S1").district == "滨江区"
    settled = db.read(lambda s: history.conflicts(s, printer, open_only=False))
    assert [(c.settled_how, c.settled_by) for c in settled] == [("ours", printer.display_name)]
    stmt = select(AuditEntry.after).where(AuditEntry.action == "import.settle")
    after = db.read(lambda s: s.execute(stmt).scalar_one())
    assert after["kept"] == "ours" and db.read(audit.verify).ok


def test_taking_theirs_before_printing_writes_the_platforms_address(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    conflict = _conflict(db, staff, tmp_path)
    version = _order(db, "S1").version
    db.write(lambda s: history.settle(s, printer, conflict.id, "theirs"))
    order = _order(db, "S1")
    assert (order.district, order.street) == ("余杭区", "五常大道 8号")
    assert order.version == version + 1 and order.updated_by_id == printer.user_id
    with pytest.raises(InvalidInput, match="settled already by 王芳"):
        db.write(lambda s: history.settle(s, printer, conflict.id, "ours"))


def test_taking_theirs_after_printing_is_refused_and_changes_nothing(db, staff, tmp_path) -> None:
    printer = staff[Role.PRINTER]
    conflict = _conflict(db, staff, tmp_path)
    db.write(lambda s: s.get(Order, conflict.order_id).__setattr__("stage", Stage.PRINTED.value))
    before = _order(db, "S1")
    with pytest.raises(TransitionRefused, match="record the platform's value as a change request"):
        db.write(lambda s: history.settle(s, printer, conflict.id, "theirs"))
    after = _order(db, "S1")
    assert (after.district, after.version) == (before.district, before.version)
    assert db.read(lambda s: history.conflicts(s, printer))[0].id == conflict.id  # still open


def test_who_may_settle_and_bad_answers(db, staff, tmp_path) -> None:
    conflict = _conflict(db, staff, tmp_path)
    with pytest.raises(PermissionDenied):
        db.write(lambda s: history.settle(s, staff[Role.PRESALES], conflict.id, "ours"))
    with pytest.raises(InvalidInput):
        db.write(lambda s: history.settle(s, staff[Role.PRINTER], conflict.id, "mine"))
    assert db.read(lambda s: history.conflicts(s, staff[Role.PRINTER]))[0].settled_at is None
