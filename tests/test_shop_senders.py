"""Each shop's sender block and default courier, saved as one form (the Shops page's service)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import AuditEntry, Role
from app.models.errors import InvalidInput, PermissionDenied
from app.services.core.actor import Actor
from app.services.dispatch import senders as shop_senders


def _shop(db: Database, name: str) -> shop_senders.ShopSender:
    return next(s for s in db.read(shop_senders.shops) if s.shop == name)


def test_save_reads_back_and_is_audited(shop_db: Database, shop_staff: dict[Role, Actor]) -> None:
    admin = shop_staff[Role.ADMIN]
    name = shop_db.read(shop_senders.shops)[0].shop
    saved = shop_db.write(
        lambda s: shop_senders.save(
            s,
            admin,
            name,
            name=" 退货组 ",
            phone="400-800-1234",
            address="上海市浦东新区 8 号",
            default_courier="中通快递",
        )
    )
    assert saved == _shop(shop_db, name)
    assert (saved.sender_name, saved.default_courier) == ("退货组", "中通快递")
    assert "中通快递" in shop_db.read(shop_senders.couriers)

    # no default courier any more: cleared, and each change is in the audit log
    shop_db.write(
        lambda s: shop_senders.save(
            s, admin, name, name="退货组", phone="400-800-1234", address="上海市浦东新区 8 号"
        )
    )
    assert _shop(shop_db, name).default_courier == ""
    actions = shop_db.read(
        lambda s: list(
            s.execute(
                select(AuditEntry.action)
                .where(AuditEntry.entity_key == name)
                .order_by(AuditEntry.id)
            ).scalars()
        )
    )
    assert actions == ["shop.sender", "shop.courier", "shop.sender", "shop.courier"]


def test_only_an_admin_saves_and_input_is_checked(
    shop_db: Database, shop_staff: dict[Role, Actor]
) -> None:
    name = shop_db.read(shop_senders.shops)[0].shop
    before = _shop(shop_db, name)
    for role in (Role.PRINTER, Role.SUPERVISOR):
        with pytest.raises(PermissionDenied):
            shop_db.write(
                lambda s, r=role: shop_senders.save(
                    s, shop_staff[r], name, name="x", phone="1", address="y"
                )
            )
    with pytest.raises(InvalidInput):
        shop_db.write(
            lambda s: shop_senders.save(
                s,
                shop_staff[Role.ADMIN],
                name,
                name="x",
                phone="1",
                address="y",
                default_courier="c" * 41,
            )
        )
    assert _shop(shop_db, name) == before
