"""A shop that prints its labels with the platform's e-waybill tool (issue 11 §1): its batches
print dispatch notes only, never ask about missing waybill numbers and take no pool numbers;
the numbers come with ``import waybills``. Both databases."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.models import Order, Role, Shop
from app.models.errors import PermissionDenied
from app.services.dispatch import batch_waybills, label_tool
from app.services.dispatch import batches as printing
from tests.test_waybills_batch import _load, _printable, _taken, shop_db  # noqa: F401


def _shops(db) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return dict(db.read(lambda s: s.execute(select(Shop.id, Shop.name)).all()))


def test_a_tool_shop_prints_dispatch_notes_only_and_takes_no_pool_numbers(
    shop_db,  # noqa: F811
    shop_staff,
    tmp_path,
) -> None:
    printer, admin = shop_staff[Role.PRINTER], shop_staff[Role.ADMIN]
    shops = _shops(shop_db)
    tool_id, tool_shop = next(iter(shops.items()))
    with pytest.raises(PermissionDenied):
        shop_db.write(lambda s: label_tool.set_label_tool(s, printer, tool_shop, True))
    assert shop_db.write(lambda s: label_tool.set_label_tool(s, admin, tool_shop, True))
    assert shop_db.read(label_tool.shop_names) == {tool_shop}

    waiting = _printable(shop_db, printer)
    of_shop = dict(
        shop_db.read(
            lambda s: s.execute(
                select(Order.order_no, Order.shop_id).where(Order.order_no.in_(waiting))
            ).all()
        )
    )
    tool_orders = [no for no in waiting if of_shop[no] == tool_id][:3]
    others = [no for no in waiting if of_shop[no] != tool_id][:2]
    assert tool_orders and others
    # only the other shop's orders lack a number (no pool loaded yet)
    lacking = shop_db.read(lambda s: batch_waybills.lacking(s, printer, cutoff=""))
    assert lacking == sum(1 for no in waiting if of_shop[no] != tool_id)
    _load(shop_db, admin, 1, 100)
    out, labels = tmp_path / "batch.pdf", tmp_path / "labels.pdf"
    printed = printing.run_batch(
        shop_db, printer, out=out, labels_out=labels, order_nos=tool_orders + others
    )
    assert sorted(printed.printed) == sorted(tool_orders + others) and not printed.packing_labels
    # the others took pool numbers and print labels; the tool shop's orders print none
    assert len(PdfReader(labels).pages) == len(others)
    numbers = dict(
        shop_db.read(
            lambda s: s.execute(
                select(Order.order_no, Order.tracking_no).where(
                    Order.order_no.in_(tool_orders + others)
                )
            ).all()
        )
    )
    assert all(numbers[no] is None for no in tool_orders)
    assert all(numbers[no] for no in others)
    assert len([o for _, o in _taken(shop_db) if o is not None]) == len(others)

    shop_db.write(lambda s: label_tool.set_label_tool(s, admin, tool_shop, False))
    assert shop_db.read(label_tool.shop_names) == set()
