"""A partial address change touches only the parts it names (issue 9, section 7).

The command line used to fill the parts not given from a read made before the write, so
a phone number changed on another PC in between was silently put back.
"""

from __future__ import annotations

import multiprocessing as mp
import os

import pytest

from app.db import Database
from app.models import ChangeRequest, RequestKind, Role, Stage
from app.services.changes import requests as changes
from app.services.orders import lookup as orders

WORKERS = 4  # two change only --phone, two only --street
ROUNDS = 6


def _paid_order(db: Database) -> str:
    return db.read(lambda s: orders.list_page(s, stage=Stage.PAID, limit=1))[0].order_no


def test_a_partial_change_keeps_a_part_changed_since_it_was_read(shop_db, shop_staff) -> None:
    presales, aftersales = shop_staff[Role.PRESALES], shop_staff[Role.AFTERSALES]
    order_no = _paid_order(shop_db)
    seen = shop_db.read(lambda s: orders.get(s, order_no)).recipient  # my screen, earlier
    shop_db.write(  # meanwhile, on another PC
        lambda s: changes.request_address(
            s, aftersales, order_no, {"phone": "13912345678"}, confirmed=True
        )
    )
    shop_db.write(
        lambda s: changes.request_address(
            s, presales, order_no, {"street": "文三路 90 号"}, confirmed=True
        )
    )
    now = shop_db.read(lambda s: orders.get(s, order_no)).recipient
    assert (now.phone, now.street) == ("13912345678", "文三路 90 号")
    assert (now.name, now.city) == (seen.name, seen.city)


@pytest.mark.parametrize(
    ("parts", "message"), [({}, "at least one part"), ({"zip": "1"}, "no part")]
)
def test_a_partial_change_names_known_parts(shop_db, shop_staff, parts, message) -> None:
    from app.models.errors import InvalidInput

    order_no = _paid_order(shop_db)
    with pytest.raises(InvalidInput, match=message):
        shop_db.write(
            lambda s: changes.request_address(s, shop_staff[Role.PRESALES], order_no, parts)
        )


def _value(part: str, worker: int, rnd: int) -> str:
    return f"1390000{worker}{rnd:03d}" if part == "phone" else f"文三路 {worker} 号 {rnd} 室"


def _change(url: str, order_no: str, part: str, worker: int, barrier, results) -> None:  # type: ignore[no-untyped-def]
    from app.cli import main

    os.environ |= {"AFTERDESK_DB": url, "AFTERDESK_USER": "presales", "AFTERDESK_PASSWORD": "demo"}
    codes = []
    barrier.wait(timeout=120)
    for rnd in range(ROUNDS):
        value = _value(part, worker, rnd)
        codes.append(main(["change", "address", order_no, f"--{part}", value, "--confirmed"]))
    results.put((worker, codes))


@pytest.mark.slow
def test_four_processes_changing_different_parts(shop_db, db_url) -> None:
    order_no = _paid_order(shop_db)
    ctx = mp.get_context("spawn")
    barrier, results = ctx.Barrier(WORKERS), ctx.Queue()
    parts = {0: "phone", 1: "phone", 2: "street", 3: "street"}
    procs = [
        ctx.Process(target=_change, args=(db_url, order_no, parts[w], w, barrier, results))
        for w in range(WORKERS)
    ]
    for p in procs:
        p.start()
    outcomes = dict(results.get(timeout=600) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    assert outcomes == {w: [0] * ROUNDS for w in range(WORKERS)}
    # each part holds some process's last write of it
    now = shop_db.read(lambda s: orders.get(s, order_no)).recipient
    assert now.phone in {_value("phone", w, ROUNDS - 1) for w in (0, 1)}
    assert now.street in {_value("street", w, ROUNDS - 1) for w in (2, 3)}

    # and no command rewrote a part it did not give: each request changed one part only
    def changed_parts(session) -> list[set[str]]:  # type: ignore[no-untyped-def]
        requests = session.query(ChangeRequest).filter_by(kind=RequestKind.ADDRESS.value).all()
        return [
            {k for k in r.payload["new"] if r.payload["new"][k] != r.payload["old"][k]}
            for r in requests
        ]

    assert sorted(map(sorted, shop_db.read(changed_parts))) == sorted(
        [["phone"]] * (2 * ROUNDS) + [["street"]] * (2 * ROUNDS)
    )
