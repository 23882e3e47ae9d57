"""Shops that print their shipping labels with the platform's e-waybill tool (issue 11,
docs/waybills.md "The e-waybill tool").

A shop's administrator says so per shop (a shared setting, like the default courier). Then a
print batch prints that shop's dispatch notes only, never a shipping label of its own: the
tool (菜鸟, 拼多多, 抖店 …) prints the labels and its export brings the waybill numbers in
(``afterdesk import waybills``). So its orders are not "lacking a waybill number" in a batch
and take no pool numbers.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Setting, Shop
from app.services.core import shared_settings
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.dispatch import slips as print_slips

TOOL_SETTING = "shop_label_tool:{id}"


def shop_ids(session: Session) -> set[int]:
    """The ids of the shops whose labels the e-waybill tool prints."""
    prefix = TOOL_SETTING.format(id="")
    rows = session.execute(
        select(Setting.key).where(Setting.key.startswith(prefix), Setting.value == "1")
    ).scalars()
    return {int(key[len(prefix) :]) for key in rows}


def shop_names(session: Session) -> set[str]:
    """Their names (the Shops page ticks them)."""
    ids = shop_ids(session)
    if not ids:
        return set()
    return set(session.execute(select(Shop.name).where(Shop.id.in_(ids))).scalars())


def set_label_tool(session: Session, actor: Actor, shop: str, on: bool) -> bool:
    """The shop prints its labels with the platform's e-waybill tool, or with AfterDesk
    (administrators: the setting decides what every batch prints)."""
    require(session, actor, Action.WAYBILL_ADMIN)
    the_shop = print_slips.shop_by_name(session, shop)
    shared_settings.save(
        session, actor, TOOL_SETTING.format(id=the_shop.id), "1" if on else "0", "0"
    )
    return on
