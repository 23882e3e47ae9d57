"""What is left in the number pools (号段 / 单号池, docs/waybills.md): each pool's free and
taken numbers, and each shop's low-stock threshold below which the Printing page warns."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Setting, Shop, WaybillNumber
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import shared_settings
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.dispatch import slips as print_slips
from app.services.dispatch.waybills import (
    Couriers,
)

THRESHOLD_SETTING = "waybill_low:{id}"
DEFAULT_THRESHOLD = 100  # about a day's parcels of a small shop


@dataclass(frozen=True)
class PoolLeft:
    """One pool: what is left, what was taken, and the shop's threshold."""

    courier_code: str
    courier: str
    shop: str
    left: int
    taken: int
    threshold: int

    @property
    def low(self) -> bool:
        return self.left < self.threshold

    def to_json(self) -> dict[str, object]:
        return {
            "courier_code": self.courier_code,
            "courier": self.courier,
            "shop": self.shop,
            "left": self.left,
            "taken": self.taken,
            "threshold": self.threshold,
            "low": self.low,
        }


def free_count(session: Session, code: str, shop_id: int) -> int:
    return int(
        session.execute(
            select(func.count())
            .select_from(WaybillNumber)
            .where(
                WaybillNumber.courier_code == code,
                WaybillNumber.shop_id == shop_id,
                WaybillNumber.order_id.is_(None),
            )
        ).scalar_one()
    )


# -- what is left -----------------------------------------------------------------------------
def thresholds(session: Session) -> dict[int, int]:
    """Shop id → its low-stock threshold (the default where none is set)."""
    prefix = THRESHOLD_SETTING.format(id="")
    rows = session.execute(
        select(Setting.key, Setting.value).where(Setting.key.startswith(prefix))
    ).all()
    return {int(k[len(prefix) :]): int(v) for k, v in rows if v.isdigit()}


def set_threshold(session: Session, actor: Actor, shop: str, value: int) -> int:
    """Warn when a pool of the shop has fewer numbers than this (administrators)."""
    require(session, actor, Action.WAYBILL_ADMIN)
    the_shop = print_slips.shop_by_name(session, shop)
    if value < 0 or value > 1_000_000:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The warning threshold is a number of waybills from 0 to 1000000."
            )
        )
    key = THRESHOLD_SETTING.format(id=the_shop.id)
    shared_settings.save(session, actor, key, str(value), str(DEFAULT_THRESHOLD))
    return value


def shop_thresholds(session: Session, actor: Actor) -> dict[str, int]:
    """Shop name → its low-stock threshold (the default where none is set): the screen's."""
    require(session, actor, Action.WAYBILL_READ)
    limits = thresholds(session)
    rows = session.execute(select(Shop.id, Shop.name).order_by(Shop.name)).all()
    return {name: limits.get(shop_id, DEFAULT_THRESHOLD) for shop_id, name in rows}


def left(session: Session, actor: Actor) -> list[PoolLeft]:
    """Every pool with numbers left and taken, by courier and shop."""
    require(session, actor, Action.WAYBILL_READ)
    free = func.count(WaybillNumber.id) - func.count(WaybillNumber.order_id)
    rows = session.execute(
        select(
            WaybillNumber.courier_code,
            Shop.id,
            Shop.name,
            free,
            func.count(),
        )
        .join(Shop, Shop.id == WaybillNumber.shop_id)
        .group_by(WaybillNumber.courier_code, Shop.id, Shop.name)
        .order_by(Shop.name, WaybillNumber.courier_code)
    ).all()
    names = {c.code: c.name for c in Couriers(session).all}
    limits = thresholds(session)
    return [
        PoolLeft(
            code,
            names.get(code, code),
            shop_name,
            int(n_free or 0),
            int(total) - int(n_free or 0),
            limits.get(shop_id, DEFAULT_THRESHOLD),
        )
        for code, shop_id, shop_name, n_free, total in rows
    ]
