"""An attribute change takes the shop's SKU of the new attributes (docs/domain.md, "The shop's
SKUs"): the dispatch note never shows an SKU that contradicts the item's attributes."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.models import CatalogueItem, Order, Role, Stage
from app.models.errors import InvalidInput
from app.services.changes import requests as changes
from app.services.changes import skus
from app.services.dispatch import slips
from app.services.orders import lookup as orders
from tests.test_cli import afterdesk


def _paid(db):
    row = db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=1))[0]
    return db.read(lambda s: orders.get(s, row.order_no))


def _shop_id(db, order_no: str) -> int:
    return db.read(
        lambda s: s.execute(select(Order.shop_id).where(Order.order_no == order_no)).scalar_one()
    )


def _catalogue(db, shop_id: int, title: str, rows: dict[str, dict[str, str]]) -> None:
    def add(s) -> None:
        for sku, attributes in rows.items():
            s.add(
                CatalogueItem(
                    shop_id=shop_id,
                    sku=sku,
                    title=title,
                    attributes=attributes,
                    barcode="",
                    updated_at=datetime.now(UTC),
                )
            )

    db.write(add)


def _known(db, shop_id: int) -> dict[str, dict[str, str]]:
    return db.read(
        lambda s: {
            c.sku: dict(c.attributes)
            for c in s.execute(
                select(CatalogueItem).where(CatalogueItem.shop_id == shop_id)
            ).scalars()
        }
    )


@pytest.fixture
def bought(shop_db):
    """A paid order's first item, with the shop's catalogue knowing its product in two sizes."""
    detail = _paid(shop_db)
    item = detail.items[0]
    shop_id = _shop_id(shop_db, detail.order_no)
    other = {**item.attributes, "尺码": "99"}
    _catalogue(shop_db, shop_id, item.title, {item.sku: dict(item.attributes), "NEW-99": other})
    return detail, item, shop_id, other


def _change(db, actor, detail, item, attributes, **kw):
    return db.write(
        lambda s: changes.request_attribute(
            s,
            actor,
            detail.order_no,
            item_sku=item.sku,
            attributes=attributes,
            confirmed=True,
            **kw,
        )
    )


def _unchanged(db, detail, shop_id, catalogue) -> None:
    assert db.read(lambda s: orders.get(s, detail.order_no)) == detail
    assert db.read(lambda s: changes.for_order(s, detail.order_no)) == []
    assert _known(db, shop_id) == catalogue


def test_one_match_picks_the_sku_and_the_note_shows_only_it(shop_db, shop_staff, bought) -> None:
    detail, item, _shop, other = bought
    req = _change(shop_db, shop_staff[Role.PRESALES], detail, item, {"尺码": "99"})
    assert req.payload["new"] == {"sku": "NEW-99", "attributes": other}
    after = shop_db.read(lambda s: orders.get(s, detail.order_no))
    changed = after.items[0]
    assert (changed.sku, changed.attributes) == ("NEW-99", other)
    assert "NEW-99" in after.notes[-1].text

    slip = shop_db.read(
        lambda s: slips.slip_for(slips.load_orders(s, [orders.order_id(s, detail.order_no)])[0])
    )
    printed = json.dumps(asdict(slip), ensure_ascii=False, default=str)
    assert "NEW-99" in printed
    assert item.sku not in printed  # the picker cannot read the old size any more


def test_none_known_asks_for_the_sku(shop_db, shop_staff, bought) -> None:
    detail, item, shop_id, _other = bought
    before = _known(shop_db, shop_id)
    with pytest.raises(InvalidInput, match=r"no SKU of .* that is .*尺码:77.*give the SKU"):
        _change(shop_db, shop_staff[Role.PRESALES], detail, item, {"尺码": "77"})
    _unchanged(shop_db, detail, shop_id, before)


def test_a_given_sku_enters_the_catalogue(shop_db, shop_staff, bought) -> None:
    detail, item, shop_id, _other = bought
    req = _change(
        shop_db, shop_staff[Role.PRESALES], detail, item, {"尺码": "77"}, new_sku="NEW-77"
    )
    wanted = {**item.attributes, "尺码": "77"}
    assert req.payload["new"] == {"sku": "NEW-77", "attributes": wanted}
    assert _known(shop_db, shop_id)["NEW-77"] == wanted
    assert shop_db.read(lambda s: orders.get(s, detail.order_no)).items[0].sku == "NEW-77"
    # the next change to 77 finds it without being told
    found = shop_db.read(
        lambda s: skus.proposal(
            s, shop_staff[Role.PRESALES], detail.order_no, item_sku="NEW-77", attributes={}
        )
    )
    assert found.sku == "NEW-77"


def test_a_contradicting_sku_is_refused(shop_db, shop_staff, bought) -> None:
    detail, item, shop_id, _other = bought
    before = _known(shop_db, shop_id)
    with pytest.raises(InvalidInput, match=r"SKU NEW-99 is .*尺码:99.*not .*尺码:77"):
        _change(shop_db, shop_staff[Role.PRESALES], detail, item, {"尺码": "77"}, new_sku="NEW-99")
    _unchanged(shop_db, detail, shop_id, before)


def test_several_matches_are_refused_naming_them(shop_db, shop_staff, bought) -> None:
    detail, item, shop_id, other = bought
    _catalogue(shop_db, shop_id, item.title, {"ALSO-99": other})
    before = _known(shop_db, shop_id)
    with pytest.raises(InvalidInput, match=r"Several .*ALSO-99, NEW-99"):
        _change(shop_db, shop_staff[Role.PRESALES], detail, item, {"尺码": "99"})
    _unchanged(shop_db, detail, shop_id, before)
    # naming one of them settles it
    req = _change(
        shop_db, shop_staff[Role.PRESALES], detail, item, {"尺码": "99"}, new_sku="ALSO-99"
    )
    assert req.payload["new"]["sku"] == "ALSO-99"


def test_a_product_the_catalogue_never_saw_keeps_its_sku(shop_db, shop_staff) -> None:
    detail = _paid(shop_db)
    item = detail.items[0]
    found = shop_db.read(
        lambda s: skus.proposal(
            s,
            shop_staff[Role.PRESALES],
            detail.order_no,
            item_sku=item.sku,
            attributes={"尺码": "77"},
        )
    )
    assert (found.sku, found.known, found.matches) == (item.sku, False, ())
    req = _change(shop_db, shop_staff[Role.PRESALES], detail, item, {"尺码": "77"})
    assert req.payload["new"]["sku"] == item.sku


def test_the_command_line_names_the_sku_and_asks_for_one(db_url, shop_db, bought) -> None:
    detail, item, shop_id, _other = bought
    base = ["change", "attribute", detail.order_no, "--item", item.sku]
    asked = afterdesk(db_url, *base, "--to", "尺码=77", user="presales")
    assert asked.returncode != 0
    assert "give the SKU of the new item" in asked.stderr
    done = afterdesk(db_url, *base, "--to", "尺码=77", "--sku", "NEW-77", user="presales")
    assert done.returncode == 0, done.stderr
    assert "The item will carry SKU NEW-77." in done.stdout
    assert _known(shop_db, shop_id)["NEW-77"]["尺码"] == "77"
