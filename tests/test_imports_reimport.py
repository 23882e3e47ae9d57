"""A re-import parses only the orders whose rows changed in the file (issue 10, Speed; docs/
imports.md): the rest come as ``Unchanged`` by the digest of their rows kept at the last
import. Real generated Taobao exports (GBK, ``="…"`` ids, items file), SQLite and PostgreSQL,
read by a thread and by a process of their own."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.models import Order, Role, Shop
from app.services.core import audit
from app.services.imports import chunks, merge
from app.services.imports.reading import open_reading
from app.services.imports.records import Unchanged
from tests.test_imports_killed import _export

SHOP = "悦步淘宝店"


def _newer(paths: list[Path], folder: Path, old: str, new: str) -> list[Path]:
    """The same export saved again, with ``old`` → ``new`` in one order's row."""
    folder.mkdir()
    copies = [folder / p.name for p in paths]
    for source, copy in zip(paths, copies, strict=True):
        shutil.copyfile(source, copy)
    text = copies[0].read_bytes().decode("gbk")
    assert text.count(old) == 1
    copies[0].write_bytes(text.replace(old, new).encode("gbk") + b"\r\n")
    return copies


def _versions(db) -> dict[str, int]:
    return dict(db.read(lambda s: s.execute(select(Order.order_no, Order.version)).all()))


@pytest.mark.slow
@pytest.mark.parametrize("process", [False, True], ids=["thread", "process"])
def test_only_the_orders_whose_rows_changed_are_read_again(
    db, staff, tmp_path, monkeypatch, process
) -> None:
    if process:
        monkeypatch.setattr(chunks, "PROCESS_BYTES", 0)
    printer = staff[Role.PRINTER]
    paths = _export(tmp_path / "first")
    merge.import_orders(db, printer, open_reading(paths), paths, shop=SHOP)
    digests = db.read(lambda s: s.scalar(select(func.count(Order.source_digest))))
    assert digests == 120  # each order keeps the digest of its rows
    before, entries = _versions(db), db.read(audit.count)

    newer = _newer(paths, tmp_path / "newer", "买家已付款，等待卖家发货,请尽快发货,徐杰",
                   "买家已付款，等待卖家发货,请发顺丰,徐杰")  # fmt: skip
    reading = open_reading(newer)
    again = merge.import_orders(db, printer, reading, newer, shop=SHOP)
    assert (again.counts.unchanged, again.counts.updated, again.counts.new) == (119, 1, 0)
    after = _versions(db)
    moved = [no for no in after if after[no] != before[no]]
    assert len(moved) == 1  # the one order the platform changed, nothing else written
    order = db.read(
        lambda s: s.execute(select(Order).where(Order.order_no == moved[0])).scalar_one()
    )
    assert order.buyer_message == "请发顺丰"
    assert db.read(audit.count) == entries + 1  # its one entry (no chunk entry: nothing new)


@pytest.mark.slow
def test_orders_imported_before_digests_were_kept_get_theirs_without_a_new_version(
    db, staff, tmp_path
) -> None:
    printer = staff[Role.PRINTER]
    paths = _export(tmp_path / "first")
    merge.import_orders(db, printer, open_reading(paths), paths, shop=SHOP)
    db.write(lambda s: s.execute(update(Order).values(source_digest=None)))  # an older import
    before, entries = _versions(db), db.read(audit.count)
    copies = _newer(paths, tmp_path / "again", "请尽快发货,徐杰", "请尽快发货,徐杰")
    again = merge.import_orders(db, printer, open_reading(copies), copies, shop=SHOP)
    assert again.counts.unchanged == 120  # read in full once: nothing new
    assert _versions(db) == before and db.read(audit.count) == entries  # nothing to audit
    assert db.read(lambda s: s.scalar(select(func.count(Order.source_digest)))) == 120
    third = _newer(copies, tmp_path / "third", "请尽快发货,徐杰", "请尽快发货,徐杰")
    reading = open_reading(third)
    shop_id = db.read(lambda s: s.scalar(select(Shop.id).where(Shop.name == SHOP)))
    reading.known.fetch = chunks.Digests(db.url, shop_id).fetch(db)  # as an import asks
    records = list(reading.records)
    assert len(records) == 120 and all(isinstance(r, Unchanged) for r in records)  # unparsed


def _part(paths: list[Path], folder: Path, orders: int) -> list[Path]:
    """The same export cut to its first ``orders`` orders (the items file to theirs), as a
    shop exports only today's orders."""
    folder.mkdir()
    kept: set[str] = set()
    cut = []
    for path in paths:
        with path.open(encoding="gbk", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        if not kept:
            rows = rows[:orders]
            kept = {row[0] for row in rows}
        copy = folder / path.name
        with copy.open("w", encoding="gbk", newline="") as handle:
            csv.writer(handle).writerows([header, *(r for r in rows if r[0] in kept)])
        cut.append(copy)
    return cut


@pytest.mark.slow
def test_the_digests_asked_are_those_of_the_file_not_of_the_whole_shop(
    db, staff, tmp_path, monkeypatch
) -> None:
    printer = staff[Role.PRINTER]
    paths = _export(tmp_path / "first")
    merge.import_orders(db, printer, open_reading(paths), paths, shop=SHOP)  # 120 orders
    asked: list[str] = []
    stored_digests = chunks.stored_digests

    def noted(session, shop_id: int, numbers: list[str]) -> dict[str, str]:
        asked.extend(numbers)
        return stored_digests(session, shop_id, numbers)

    monkeypatch.setattr(chunks, "stored_digests", noted)
    today = _part(paths, tmp_path / "today", 10)
    again = merge.import_orders(db, printer, open_reading(today), today, shop=SHOP)
    assert (again.counts.unchanged, again.counts.new, again.counts.updated) == (10, 0, 0)
    numbers = set(db.read(lambda s: s.scalars(select(Order.order_no)).all()))
    assert len(asked) == len(set(asked)) == 10 and set(asked) <= numbers  # the file's ten
