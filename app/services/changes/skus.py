"""The SKU an item carries after an attribute change (docs/domain.md, "The shop's SKUs").

The picker reads the SKU and the attributes on the dispatch note: they must never say two
different things, so an attribute change takes the catalogue's SKU for the new attributes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.db import db_now
from app.models import CatalogueItem, Order, OrderItem
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.changes.texts import item_by_sku, merged_attributes
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.orders import lookup as orders

MAX_SKU = 64


@dataclass(frozen=True)
class SkuChoice:
    """What the catalogue says about an item with the new attributes."""

    current: str  # the SKU the item carries now
    matches: tuple[str, ...]  # the catalogue's SKUs of this product with exactly these attributes
    known: bool  # the catalogue knows this product at all

    @property
    def sku(self) -> str | None:
        """The SKU the item will carry without one typed by a person; None: one must be given."""
        if len(self.matches) == 1:
            return self.matches[0]
        if not self.matches and not self.known:
            return self.current  # a product the catalogue never saw: the SKU stays (docs)
        return None


def _attributes_text(attributes: dict[str, str]) -> str:
    return " ".join(f"{k}:{v}" for k, v in attributes.items()) or "—"


def _product(session: Session, shop_id: int, item: OrderItem) -> list[CatalogueItem]:
    """The catalogue's variants of the item's product: the same title as the item, or as the
    catalogue's entry for the item's SKU (Shopify writes the variant into an order's title)."""
    own = select(CatalogueItem.title).where(
        CatalogueItem.shop_id == shop_id, CatalogueItem.sku == item.sku
    )
    return list(
        session.execute(
            select(CatalogueItem)
            .where(
                CatalogueItem.shop_id == shop_id,
                or_(
                    CatalogueItem.title == item.title,
                    CatalogueItem.title.in_(own.scalar_subquery()),
                    CatalogueItem.sku == item.sku,
                ),
            )
            .order_by(CatalogueItem.sku)
        ).scalars()
    )


def choice(
    session: Session, shop_id: int, item: OrderItem, attributes: dict[str, str]
) -> SkuChoice:
    variants = _product(session, shop_id, item)
    matches = tuple(v.sku for v in variants if dict(v.attributes or {}) == attributes)
    return SkuChoice(item.sku, matches, bool(variants))


def choose(
    session: Session,
    shop_id: int,
    item: OrderItem,
    attributes: dict[str, str],
    given: str | None,
) -> tuple[str, bool]:
    """The SKU for the item's new attributes, and whether it is new to the catalogue.

    Refuses (nothing changed) when none is known and none is given, when several match, and
    when a given SKU is another variant in the catalogue.
    """
    sku = (given or "").strip()
    if sku:
        if len(sku) > MAX_SKU or any(c.isspace() for c in sku):
            raise InvalidInput(QT_TRANSLATE_NOOP("UserError", "“{sku}” is not a SKU."), sku=sku)
        entry = session.execute(
            select(CatalogueItem).where(CatalogueItem.shop_id == shop_id, CatalogueItem.sku == sku)
        ).scalar_one_or_none()
        if entry is None:
            return sku, True
        if dict(entry.attributes or {}) != attributes:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The shop's SKU {sku} is {its}, not {wanted}: give the SKU of {wanted}.",
                ),
                sku=sku,
                its=_attributes_text(dict(entry.attributes or {})),
                wanted=_attributes_text(attributes),
            )
        return sku, False
    found = choice(session, shop_id, item, attributes)
    if len(found.matches) > 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "Several of the shop's SKUs are {wanted}: {skus}. Give the one to use."
            ),
            wanted=_attributes_text(attributes),
            skus=", ".join(found.matches),
        )
    if found.sku is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The shop has no SKU of {title} that is {wanted}: give the SKU of the new item.",
            ),
            title=item.title,
            wanted=_attributes_text(attributes),
        )
    return found.sku, False


def remember(
    session: Session, shop_id: int, sku: str, title: str, attributes: dict[str, str]
) -> None:
    """A SKU typed by a person enters the catalogue, so the next change finds it."""
    session.add(
        CatalogueItem(
            shop_id=shop_id,
            sku=sku,
            title=title,
            attributes=dict(attributes),
            barcode="",
            updated_at=db_now(session),
        )
    )


def proposal(
    session: Session,
    actor: Actor,
    order_no: str,
    *,
    item_sku: str,
    attributes: dict[str, str],
) -> SkuChoice:
    """What the change dialog shows while a person picks the new attributes (read only)."""
    require(session, actor, Action.CHANGE_ATTRIBUTE)
    order = session.execute(
        select(Order)
        .where(Order.id == orders.order_id(session, order_no))
        .options(selectinload(Order.items))
    ).scalar_one()  # not locked: nothing is written here
    item = item_by_sku(order, item_sku)
    return choice(session, order.shop_id, item, merged_attributes(item, attributes))
