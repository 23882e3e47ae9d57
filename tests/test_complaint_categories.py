"""Complaint categories as the administrator edits them (issue 13): a rename carries its
complaints, two names swapped do not merge, one in use is retired and never deleted (not even by
``complaint categories --set``), and a refusal saves nothing. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from app.db import Database
from app.models import Complaint, Role
from app.models.complaint_enums import Channel, Priority
from app.models.errors import UserError
from app.services.complaints import complaints
from app.services.complaints import settings as cs
from app.services.complaints.settings import CategoryEdit as Edit
from app.services.core.actor import Actor


def _file(db: Database, actor: Actor, category: str) -> str:
    return db.write(
        lambda s: complaints.open_complaint(
            s, actor, channel=Channel.PHONE, customer="tb_客", category=category,
            priority=Priority.GENERAL, text="还没到",
        )
    ).complaint_no  # fmt: skip


def _category_of(db: Database, no: str) -> str:
    return db.read(lambda s: s.query(Complaint).filter_by(complaint_no=no).one().category)


def test_renames_carry_their_complaints_and_a_swap_does_not_merge(
    shop_db: Database, shop_staff: dict[Role, Actor]
) -> None:
    admin, after = shop_staff[Role.ADMIN], shop_staff[Role.AFTERSALES]
    slow, wrong = _file(shop_db, after, "回复慢"), _file(shop_db, after, "发错货")
    rows = shop_db.read(cs.category_rows)
    swap = {"回复慢": "发错货", "发错货": "回复慢"}
    edits = [Edit(r.name, swap.get(r.name, r.name), r.retired) for r in rows]
    shop_db.write(lambda s: cs.save_categories(s, admin, edits))
    assert (_category_of(shop_db, slow), _category_of(shop_db, wrong)) == ("发错货", "回复慢")


def test_a_category_in_use_is_retired_never_deleted(
    shop_db: Database, shop_staff: dict[Role, Actor]
) -> None:
    admin, after = shop_staff[Role.ADMIN], shop_staff[Role.AFTERSALES]
    no = _file(shop_db, after, "物流")
    rows = shop_db.read(cs.category_rows)
    without = [Edit(r.name, r.name) for r in rows if r.name != "物流"]
    with pytest.raises(UserError, match="“物流” is used by 1 complaint"):
        shop_db.write(lambda s: cs.save_categories(s, admin, without))
    assert shop_db.read(cs.category_rows) == rows  # nothing saved
    # the command line's --set leaves it out of the list: it shows as retired, still there
    shop_db.write(lambda s: cs.set_categories(s, admin, ["服务态度", "退款"]))
    assert ("物流", 1, True) in [
        (r.name, r.in_use, r.retired) for r in shop_db.read(cs.category_rows)
    ]
    assert _category_of(shop_db, no) == "物流"
    all_retired = [Edit(r.name, r.name, True) for r in shop_db.read(cs.category_rows)]
    with pytest.raises(UserError, match="Give at least one category"):
        shop_db.write(lambda s: cs.save_categories(s, admin, all_retired))
