"""Each shop's printing settings as one form: the sender block, the language of its
documents and the default courier.

The sender block is saved by ``print_slips.set_sender`` (administrators, validated and
audited there). The default courier has no column of its own; it is a shared setting per
shop (``shop_courier:<shop id>``). ``save`` is what the Shops page and ``afterdesk print
sender SHOP [--name …] [--courier C]`` both call.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import DocLanguage, Order, Setting, Shop
from app.models.i18n import QT_TRANSLATE_NOOP, Label
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.core.validation import clean_text
from app.services.dispatch import slips as print_slips
from app.services.dispatch.waybills import Couriers

COURIER_SETTING = "shop_courier:{id}"
RECENT_ORDERS = 20_000  # how far back the courier list looks


@dataclass(frozen=True)
class ShopSender:
    """What a shop's labels say about who sends the parcel."""

    shop: str
    platform: str
    sender_name: str
    sender_phone: str
    return_address: str
    default_courier: str
    doc_language: DocLanguage = DocLanguage.ZH


def _courier_key(shop: Shop) -> str:
    return COURIER_SETTING.format(id=shop.id)


def _view(session: Session, shop: Shop) -> ShopSender:
    courier = session.get(Setting, _courier_key(shop))
    return ShopSender(
        shop.name,
        shop.platform,
        shop.sender_name,
        shop.sender_phone,
        shop.return_address,
        courier.value if courier else "",
        print_slips.language_of(shop),
    )


def default_couriers(session: Session) -> dict[int, str]:
    """Shop id → the courier its orders without one go with (printing assigns it)."""
    prefix = COURIER_SETTING.format(id="")
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(prefix))
    ).all()
    return {int(key[len(prefix) :]): value for key, value in rows if value}


def shops(session: Session) -> list[ShopSender]:
    """Every shop with its sender details, by name."""
    rows = session.execute(select(Shop).order_by(Shop.name)).scalars()
    return [_view(session, shop) for shop in rows]


def couriers(session: Session) -> list[str]:
    """Couriers seen on orders or chosen as a default: what to offer in a list."""
    # the couriers of recent orders: a shop's couriers show there, and a million-order
    # table is not read through for a drop-down list
    newest = select(func.max(Order.id)).scalar_subquery()
    recent = (
        select(Order.courier)
        .where(Order.id > newest - RECENT_ORDERS, Order.courier != "")
        .distinct()
    )
    seen = set(session.execute(recent).scalars())
    prefix = COURIER_SETTING.format(id="")
    seen |= {
        value
        for value in session.execute(
            select(Setting.value).where(Setting.key.startswith(prefix))
        ).scalars()
        if value
    }
    return sorted(seen)


def save(
    session: Session,
    actor: Actor,
    shop_name: str,
    *,
    name: str | None,
    phone: str | None,
    address: str | None,
    default_courier: str | None = "",
    doc_language: str | None = None,
) -> ShopSender:
    """Save the sender block, the document language and the default courier ("" for none);
    a value given as None stays as it is. Administrators only. A courier named by its code or
    another spelling (ZTO, 中通) is kept under the name its labels print (中通快递)."""
    require(session, actor, Action.SHOP_EDIT)
    print_slips.set_sender(
        session,
        actor,
        shop_name,
        name=name,
        phone=phone,
        address=address,
        doc_language=doc_language,
    )
    shop = print_slips.shop_by_name(session, shop_name)
    if default_courier is not None:
        _save_courier(session, actor, shop, default_courier)
    session.flush()
    return _view(session, shop)


def _save_courier(session: Session, actor: Actor, shop: Shop, text: str) -> None:
    courier = text.strip()
    if courier:
        courier = clean_text(
            courier, field=Label(QT_TRANSLATE_NOOP("Field", "Default courier")), max_len=40
        )
        known = Couriers(session).find(courier)
        courier = known.name if known else courier
    setting = session.get(Setting, _courier_key(shop))
    before = setting.value if setting else ""
    if courier == before:
        return
    if setting is None:
        session.add(Setting(key=_courier_key(shop), value=courier))
    else:
        setting.value = courier
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="shop.courier",
        entity="shop",
        entity_key=shop.name,
        before={"default_courier": before},
        after={"default_courier": courier},
    )
