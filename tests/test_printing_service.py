"""Printing batches and reprints on both databases: all or nothing, requests, stale slips."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.db import Database, db_now
from app.models import Order, PrintBatch, PrintBatchOrder, Reprint, Role, Stage
from app.models.errors import Conflict, InvalidInput, PermissionDenied, TransitionRefused
from app.printing.data import PrintCancelled
from app.services.changes import requests as changes
from app.services.changes.texts import Address
from app.services.core import audit
from app.services.dispatch import batches as printing
from app.services.dispatch import files as print_files
from app.services.dispatch import records as print_records
from app.services.orders import lookup as orders
from app.services.orders import moves
from tests.printing_helpers import barcodes, chinese_documents, text


@pytest.fixture
def shop_db(shop_db: Database) -> Database:
    """The demo shop, every shop printing in Chinese (these tests read Chinese words)."""
    chinese_documents(shop_db)
    return shop_db


@pytest.fixture
def pdfs(tmp_path: Path) -> Path:
    """A folder of its own for the PDFs (the SQLite database lives in tmp_path)."""
    folder = tmp_path / "pdfs"
    folder.mkdir()
    return folder


def _move(db, presales, order_no: str, street: str) -> None:  # type: ignore[no-untyped-def]
    """Pre-sales confirms a new street for a printed order: its slips are out of date."""
    current = db.read(lambda s: orders.get(s, order_no)).recipient
    new = Address(
        current.name,
        current.phone,
        current.province,
        current.city,
        current.district,
        street,
        current.postcode,
    )
    db.write(lambda s: changes.request_address(s, presales, order_no, new, confirmed=True))


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    return db.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one())


def _paid(db) -> int:  # type: ignore[no-untyped-def]
    return db.read(lambda s: orders.count(s, stage=Stage.PAID))


def _first_waiting(db, n: int = 1) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.order_no for w in db.read(lambda s: printing.waiting(s, cutoff=""))[:n]]


def test_batch_records_prints_and_moves_orders(shop_db, shop_staff, pdfs) -> None:
    printer = shop_staff[Role.PRINTER]
    waiting = _paid(shop_db)
    out, labels = pdfs / "batch.pdf", pdfs / "labels.pdf"
    seen: list[tuple[int, int]] = []
    result = printing.run_batch(
        shop_db,
        printer,
        out=out,
        labels_out=labels,
        cutoff="",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert len(result.printed) == waiting and not result.held
    assert seen and seen[-1][0] == seen[-1][1]
    assert _paid(shop_db) == 0
    assert _count(shop_db, PrintBatchOrder) == waiting
    batch = shop_db.read(print_records.batches)[0]
    assert batch.batch_no == result.batch_no and batch.printed_by == printer.display_name
    first = text(out, 1)
    assert result.batch_no in first and printer.display_name in first
    assert barcodes(labels, pdfs, 1) and sorted(p.name for p in pdfs.iterdir()) == [
        "batch.pdf",
        "labels.pdf",
    ]

    # each order's printed version is recorded, and it is the order's version now
    def versions(s):  # type: ignore[no-untyped-def]
        return s.execute(
            select(PrintBatchOrder.order_version, Order.version).join(
                Order, Order.id == PrintBatchOrder.order_id
            )
        ).all()

    assert all(a == b for a, b in shop_db.read(versions))
    history = shop_db.read(lambda s: audit.history(s, "print_batch", result.batch_no))
    assert history[0].after["stage"] == "printed" and len(history[0].after["orders"]) == waiting
    with pytest.raises(InvalidInput, match="No order can be printed"):
        printing.run_batch(shop_db, printer, out=pdfs / "again.pdf", cutoff="")


def test_only_the_order_printer_prints(shop_db, shop_staff, pdfs) -> None:
    with pytest.raises(PermissionDenied):
        printing.run_batch(shop_db, shop_staff[Role.PRESALES], out=pdfs / "x.pdf", cutoff="")
    assert not list(pdfs.iterdir())


def _nothing_recorded(db, pdfs: Path, waiting: int) -> None:  # type: ignore[no-untyped-def]
    assert _count(db, PrintBatch) == 0 and _count(db, PrintBatchOrder) == 0
    assert _paid(db) == waiting
    assert not list(pdfs.iterdir())  # no PDF, no temporary file


def test_cancel_halfway_records_nothing(shop_db, shop_staff, pdfs) -> None:
    waiting = _paid(shop_db)
    calls = iter(range(1000))
    with pytest.raises(PrintCancelled):
        printing.run_batch(
            shop_db,
            shop_staff[Role.PRINTER],
            out=pdfs / "b.pdf",
            cutoff="",
            cancelled=lambda: next(calls) >= 1,  # the second check: pages already drawn
        )
    _nothing_recorded(shop_db, pdfs, waiting)


def test_cancel_after_the_last_page_still_records_nothing(shop_db, shop_staff, pdfs) -> None:
    """A small batch draws before the person reaches Cancel; pressing it must still count."""
    waiting = _paid(shop_db)
    pressed = {"now": False}

    def progress(done: int, total: int) -> None:
        if done >= total:
            pressed["now"] = True  # Cancel pressed as the last page was drawn

    with pytest.raises(PrintCancelled):
        printing.run_batch(
            shop_db,
            shop_staff[Role.PRINTER],
            out=pdfs / "b.pdf",
            cutoff="",
            progress=progress,
            cancelled=lambda: pressed["now"],
        )
    _nothing_recorded(shop_db, pdfs, waiting)


def test_full_disk_records_nothing(shop_db, shop_staff, pdfs, monkeypatch) -> None:
    waiting = _paid(shop_db)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(print_files.os, "fsync", full)
    with pytest.raises(InvalidInput, match="The disk is full"):
        printing.run_batch(shop_db, shop_staff[Role.PRINTER], out=pdfs / "b.pdf", cutoff="")
    _nothing_recorded(shop_db, pdfs, waiting)


def test_failure_while_recording_leaves_no_file(shop_db, shop_staff, pdfs, monkeypatch):
    waiting = _paid(shop_db)

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("database went away")

    monkeypatch.setattr(printing.audit, "record", broken)
    with pytest.raises(RuntimeError):
        printing.run_batch(shop_db, shop_staff[Role.PRINTER], out=pdfs / "b.pdf", cutoff="")
    _nothing_recorded(shop_db, pdfs, waiting)


def test_open_requests_hold_or_warn(shop_db, shop_staff, pdfs) -> None:
    presales = shop_staff[Role.PRESALES]
    cancel_no, unconfirmed_no, applied_no = _first_waiting(shop_db, 3)
    shop_db.write(lambda s: changes.request_cancel(s, presales, cancel_no, confirmed=True))
    shop_db.write(
        lambda s: changes.request_special(
            s, presales, unconfirmed_no, special=changes.SpecialKind.CARD, text="新年快乐"
        )
    )
    shop_db.write(
        lambda s: changes.request_special(
            s,
            presales,
            applied_no,
            special=changes.SpecialKind.INVOICE,
            text="某某公司",
            confirmed=True,
        )
    )
    rows = {w.order_no: w for w in shop_db.read(lambda s: printing.waiting(s, cutoff=""))}
    assert "cancellation" in rows[cancel_no].holds[0].message()
    assert "confirmation" in rows[unconfirmed_no].holds[0].message()
    assert not rows[applied_no].holds and "Mark it done" in rows[applied_no].warnings[0].message()
    out = pdfs / "b.pdf"
    result = printing.run_batch(shop_db, shop_staff[Role.PRINTER], out=out, cutoff="")
    assert {n for n, _ in result.held} == {cancel_no, unconfirmed_no}
    assert applied_no in result.printed and any(applied_no in w.message() for w in result.warnings)
    assert "某某公司" in "".join(text(out).split())
    with pytest.raises(TransitionRefused, match="cancellation"):
        printing.run_batch(
            shop_db, shop_staff[Role.PRINTER], out=pdfs / "c.pdf", order_nos=[cancel_no]
        )


def test_changed_after_printing_is_stale_until_amended_or_reprinted(
    shop_db, shop_staff, pdfs
) -> None:
    printer, presales = shop_staff[Role.PRINTER], shop_staff[Role.PRESALES]
    a, b, c = _first_waiting(shop_db, 3)
    printing.run_batch(shop_db, printer, out=pdfs / "b.pdf", order_nos=[a, b, c])
    assert shop_db.read(print_records.stale) == []
    # packing bumps the version but changes nothing printed: not stale
    shop_db.write(
        lambda s: moves.move(s, shop_staff[Role.WAREHOUSE], c, Stage.PACKED, expected_version=None)
    )
    assert shop_db.read(print_records.stale) == []
    for order_no in (a, b):
        _move(shop_db, presales, order_no, "新街道8号")
    stale = {s.order_no for s in shop_db.read(print_records.stale)}
    assert stale == {a, b}
    request = shop_db.read(lambda s: changes.for_order(s, a))[-1]
    shop_db.write(lambda s: changes.acknowledge(s, printer, request.id))
    assert {s.order_no for s in shop_db.read(print_records.stale)} == {b}
    out = pdfs / "reprint.pdf"
    result = print_records.run_reprint(shop_db, printer, reason="地址已改", order_nos=[b], out=out)
    assert result.order_nos == (b,) and any(b in w.message() for w in result.warnings)  # still open
    assert shop_db.read(print_records.stale) == []
    page = "".join(text(out).split())
    assert "新街道8号" in page and "补打" in page
    assert _count(shop_db, Reprint) == 1
    assert any(
        e.action == "print.reprint" for e in shop_db.read(lambda s: audit.history(s, "order", b))
    )


def test_a_whole_batch_reprint_is_recorded_once_and_its_slips_match(
    shop_db, shop_staff, pdfs
) -> None:
    """A whole-batch reprint records the batch, the reason, who and when once (issue 9: one
    row per order held every other PC's write); every slip of the batch then matches its
    order again, and the audit entry names the orders."""
    printer, presales = shop_staff[Role.PRINTER], shop_staff[Role.PRESALES]
    a, b = _first_waiting(shop_db, 2)
    batch = printing.run_batch(shop_db, printer, out=pdfs / "b.pdf", order_nos=[a, b])
    _move(shop_db, presales, a, "新街道9号")
    assert {s.order_no for s in shop_db.read(print_records.stale)} == {a}
    done = print_records.run_reprint(
        shop_db, printer, reason="整批卡纸", batch_no=batch.batch_no, out=pdfs / "again.pdf"
    )
    assert sorted(done.order_nos) == sorted([a, b])
    assert "新街道9号" in "".join(text(pdfs / "again.pdf").split())
    rows = shop_db.read(
        lambda s: [
            (r.order_id, r.batch_id, r.reason, r.printed_by_name, r.printed_at is not None)
            for r in s.query(Reprint)
        ]
    )
    batch_id = shop_db.read(
        lambda s: s.scalars(
            select(PrintBatch.id).where(PrintBatch.batch_no == batch.batch_no)
        ).one()
    )
    assert rows == [(None, batch_id, "整批卡纸", printer.display_name, True)]
    assert shop_db.read(print_records.stale) == []  # the reprinted slips match again
    (entry,) = [
        e
        for e in shop_db.read(lambda s: audit.history(s, "print_batch", batch.batch_no))
        if e.action == "print.reprint"
    ]
    assert entry.after["reason"] == "整批卡纸" and sorted(entry.after["orders"]) == sorted([a, b])


def test_reprint_needs_a_printed_order_and_a_reason(shop_db, shop_staff, pdfs) -> None:
    printer = shop_staff[Role.PRINTER]
    (order_no,) = _first_waiting(shop_db)
    with pytest.raises(TransitionRefused, match="no printed slips"):
        print_records.run_reprint(
            shop_db, printer, reason="卡纸", order_nos=[order_no], out=pdfs / "r.pdf"
        )
    result = printing.run_batch(shop_db, printer, out=pdfs / "b.pdf", order_nos=[order_no])
    with pytest.raises(InvalidInput, match="Reason"):
        print_records.run_reprint(
            shop_db, printer, reason=" ", order_nos=[order_no], out=pdfs / "r.pdf"
        )
    out = pdfs / "whole.pdf"
    print_records.run_reprint(shop_db, printer, reason="卡纸", batch_no=result.batch_no, out=out)
    first = text(out, 1)
    assert "补打" in first and "卡纸" in first and result.batch_no in first


def test_cutoff_setting_filters_by_payment_time(shop_db, shop_staff) -> None:
    everything = shop_db.read(lambda s: printing.waiting(s, cutoff=""))
    # one order paid just now, i.e. after today's 00:00 whatever the hour the test runs at
    just_paid = update(Order).where(Order.order_no == everything[0].order_no)
    shop_db.write(lambda s: s.execute(just_paid.values(paid_at=db_now(s))))
    before_midnight = shop_db.read(lambda s: printing.waiting(s, cutoff="00:00"))
    assert len(before_midnight) < len(everything)
    assert shop_db.read(printing.print_slips.cutoff) == "16:00"
    shop_db.write(lambda s: printing.print_slips.set_cutoff(s, shop_staff[Role.ADMIN], "9:30"))
    assert shop_db.read(printing.print_slips.cutoff) == "09:30"
    with pytest.raises(InvalidInput):
        shop_db.write(lambda s: printing.print_slips.set_cutoff(s, shop_staff[Role.ADMIN], "25:00"))


def test_order_changed_while_drawing_is_drawn_again(shop_db, shop_staff, pdfs, monkeypatch):
    """The PDFs are drawn outside the write transaction: a change meanwhile is not lost."""
    printer, presales = shop_staff[Role.PRINTER], shop_staff[Role.PRESALES]
    a, b = _first_waiting(shop_db, 2)
    render = printing.batch_doc.render
    calls: list[int] = []

    def change_once(slips, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(slips))
        if len(calls) == 1:  # another user confirms a new address while the PDF is drawn
            _move(shop_db, presales, a, "新街道9号")
        return render(slips, *args, **kwargs)

    monkeypatch.setattr(printing.batch_doc, "render", change_once)
    out = pdfs / "b.pdf"
    result = printing.run_batch(shop_db, printer, out=out, order_nos=[a, b])
    assert len(calls) == 2 and set(result.printed) == {a, b}
    assert "新街道9号" in "".join(text(out).split())
    assert sorted(p.name for p in pdfs.iterdir()) == ["b.pdf"]  # the first drawing is gone
    assert shop_db.read(print_records.stale) == []  # the version recorded is the one drawn

    def always(slips, *args, **kwargs):  # type: ignore[no-untyped-def]
        bump = update(Order).where(Order.order_no == c).values(version=Order.version + 1)
        shop_db.write(lambda s: s.execute(bump))
        return render(slips, *args, **kwargs)

    # an order that changes while every attempt is drawn: refused, nothing recorded
    (c,) = _first_waiting(shop_db, 1)
    waiting = _paid(shop_db)
    batches = _count(shop_db, PrintBatch)
    monkeypatch.setattr(printing.batch_doc, "render", always)
    with pytest.raises(Conflict, match="kept changing"):
        printing.run_batch(shop_db, printer, out=pdfs / "c.pdf", order_nos=[c])
    assert _count(shop_db, PrintBatch) == batches and _paid(shop_db) == waiting
    assert sorted(p.name for p in pdfs.iterdir()) == ["b.pdf"]


def test_two_processes_print_what_one_does(shop_db, shop_staff, pdfs, monkeypatch):
    """Labels drawn by a second process: the same pages, the same text, the same record."""
    from app.printing import batch as batch_doc

    monkeypatch.setattr(batch_doc, "PARALLEL_MIN", 1)
    printer = shop_staff[Role.PRINTER]
    waiting = _paid(shop_db)
    out, labels = pdfs / "batch.pdf", pdfs / "labels.pdf"
    seen: list[tuple[int, int]] = []
    result = printing.run_batch(
        shop_db,
        printer,
        out=out,
        labels_out=labels,
        cutoff="",
        progress=lambda done, total: seen.append((done, total)),
    )
    assert len(result.printed) == waiting and _paid(shop_db) == 0
    assert seen[-1][0] == seen[-1][1]
    assert result.batch_no in text(out, 1)
    assert barcodes(labels, pdfs, 1)
    label_text = "".join(text(labels).split())
    assert all(n in label_text for n in result.printed)


def test_orders_without_a_courier_go_with_the_shops_default(shop_db, shop_staff, pdfs) -> None:
    """The admin's default courier for a shop is printed on its labels and kept on the order."""
    from app.services.dispatch import pools
    from app.services.dispatch import senders as shop_senders

    admin, printer = shop_staff[Role.ADMIN], shop_staff[Role.PRINTER]
    waiting = shop_db.read(lambda s: printing.waiting(s, cutoff=""))
    chosen = next(w for w in waiting if not w.courier)
    shop_db.write(
        lambda s: shop_senders.save(
            s, admin, chosen.shop, name="悦步发货部", phone="0571-88886666",
            address="浙江省杭州市余杭区文一西路1号", default_courier="中通快递",
        )
    )  # fmt: skip
    # with a number from the shop's 中通 pool: a shipping label, not a packing label
    shop_db.write(
        lambda s: pools.load(s, admin, "ZTO", chosen.shop, first_last="773000000001-773000000009")
    )
    out, labels = pdfs / "batch.pdf", pdfs / "labels.pdf"
    printing.run_batch(
        shop_db, printer, out=out, labels_out=labels, cutoff="", order_nos=[chosen.order_no]
    )
    order = shop_db.read(lambda s: orders.get(s, chosen.order_no))
    assert order.courier == "中通快递"
    assert "中通快递" in text(labels, 1)
    # what was printed matches the order: not “printed copy out of date”
    assert chosen.order_no not in [s.order_no for s in shop_db.read(print_records.stale)]


def test_a_folder_as_the_pdf_is_refused_before_anything_is_recorded(
    shop_db, shop_staff, pdfs
) -> None:
    waiting = _paid(shop_db)
    with pytest.raises(InvalidInput) as refused:
        printing.run_batch(shop_db, shop_staff[Role.PRINTER], out=pdfs, cutoff="")
    assert "is a folder" in refused.value.message()
    assert _paid(shop_db) == waiting and _count(shop_db, PrintBatch) == 0
    assert list(pdfs.iterdir()) == []  # no hidden part file left either
