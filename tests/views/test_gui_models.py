"""Table models holding rows: Qt's model contract (qtmodeltester) and the texts a person reads.

The printer's Stale copies and Batches tabs, and after-sales' handed-over orders, each with
rows made by the services (a printed batch, an order changed after printing, a cancellation
that came after shipping).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt

from app.db import Database
from app.models import Role
from app.services.cases import handovers
from app.services.changes import requests as changes
from app.services.changes.texts import Address
from app.services.core import demo
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.dispatch import records as print_records
from app.services.orders import lookup as orders
from app.views.cases.aftersales_page import HandedOverModel
from app.views.dispatch.print_model import BatchModel, StaleModel
from tests.case_helpers import shipped_orders
from tests.conftest import demo_actors


def _texts(model: QAbstractItemModel, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_stale_and_batch_models_with_rows(qtmodeltester, gui_db: Database, tmp_path: Path) -> None:
    gui_db.write(lambda s: demo.fill(s, 30))
    actors = demo_actors(gui_db)
    printer, presales = actors[Role.PRINTER], actors[Role.PRESALES]
    order_no = gui_db.read(lambda s: printing.waiting(s, cutoff=""))[0].order_no
    done = printing.run_batch(gui_db, printer, out=tmp_path / "b.pdf", order_nos=[order_no])
    now = gui_db.read(lambda s: orders.get(s, order_no)).recipient
    moved = Address(now.name, now.phone, now.province, now.city, now.district, "新街道8号",
                    now.postcode)  # fmt: skip
    gui_db.write(lambda s: changes.request_address(s, presales, order_no, moved, confirmed=True))

    stale = StaleModel()
    stale.set_rows(gui_db.read(print_records.stale))
    qtmodeltester.check(stale)
    assert stale.rowCount() == 1
    number, stage, batch_no, printed, changed = _texts(stale, 0)
    assert (number, stage, batch_no) == (order_no, "Printed", done.batch_no)
    assert printed and changed  # when, not the order's internal version numbers
    assert "reprint" in stale.data(stale.index(0, 0), Qt.ItemDataRole.ToolTipRole)

    batches = BatchModel()
    batches.set_rows(gui_db.read(print_records.batches))
    qtmodeltester.check(batches)
    assert batches.rowCount() == 1
    batch_no, _printed, by, count, shop, courier, cutoff, size, pdf = _texts(batches, 0)
    assert (batch_no, by, count) == (done.batch_no, printer.display_name, "1")
    assert (shop, courier, cutoff, size, pdf) == ("all", "all", "none", "100x150", "")


def test_handed_over_model_with_rows(
    qtmodeltester, gui_shop: Database, actors: dict[Role, Actor]
) -> None:
    presales = actors[Role.PRESALES]
    late = shipped_orders(gui_shop, 2)
    for order_no in late:
        gui_shop.write(
            lambda s, n=order_no: changes.request_cancel(
                s, presales, n, reason="不要了", confirmed=True
            )
        )
    model = HandedOverModel()
    qtmodeltester.check(model)  # empty first, as the page starts
    model.set_rows(gui_shop.read(handovers.handed_over))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert {_texts(model, r)[0] for r in range(2)} == set(late)
    _number, kind, summary, by, _asked = _texts(model, 0)
    assert kind == "Cancellation" and summary and by == presales.display_name
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole) == summary  # cut text
    model.set_rows([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0
