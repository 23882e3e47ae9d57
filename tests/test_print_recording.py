"""The one way a print is recorded (services/dispatch/recording.py), on both databases:
a day's batch prints what did not change, a lost race names the winner, a reprint draws
outside the write, and a recorded batch whose file never reached its folder is found."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from app.models import Order, PrintBatch, Reprint, Role, Stage
from app.models.errors import Conflict, InvalidInput, TransitionRefused
from app.services.changes import requests as changes
from app.services.changes.texts import Address
from app.services.dispatch import batches as printing
from app.services.dispatch import files as print_files
from app.services.dispatch import missing, reprints
from app.services.dispatch import records as print_records
from app.services.orders import lookup as orders
from tests.printing_helpers import text


@pytest.fixture
def pdfs(tmp_path: Path) -> Path:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    return folder


def _waiting(db, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [w.order_no for w in db.read(lambda s: printing.waiting(s, cutoff=""))[:n]]


def _move(db, presales, order_no: str, street: str) -> None:  # type: ignore[no-untyped-def]
    """Another PC confirms a new address for the order."""
    r = db.read(lambda s: orders.get(s, order_no)).recipient
    new = Address(r.name, r.phone, r.province, r.city, r.district, street, r.postcode)
    db.write(lambda s: changes.request_address(s, presales, order_no, new, confirmed=True))


def _stage(db, order_no: str) -> str:  # type: ignore[no-untyped-def]
    return db.read(lambda s: orders.get(s, order_no)).stage


def test_a_days_batch_prints_what_did_not_change_and_holds_back_the_rest(
    shop_db, shop_staff, pdfs, monkeypatch
) -> None:
    printer, presales = shop_staff[Role.PRINTER], shop_staff[Role.PRESALES]
    a, b = _waiting(shop_db, 2)
    waiting = len(shop_db.read(lambda s: printing.waiting(s, cutoff="")))
    render = printing.batch_doc.render
    drawn: list[int] = []

    def busy_office(slips, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(len(slips))
        if len(drawn) <= 2:  # an address changes while each of the first two drawings runs
            _move(shop_db, presales, (a, b)[len(drawn) - 1], f"新街道{len(drawn)}号")
        return render(slips, *args, **kwargs)

    monkeypatch.setattr(printing.batch_doc, "render", busy_office)
    out = pdfs / "b.pdf"
    result = printing.run_batch(shop_db, printer, out=out, cutoff="")
    assert drawn == [waiting, waiting - 1, waiting - 2]
    assert result.changed == (a, b) and len(result.printed) == waiting - 2
    assert {n for n, _ in result.held} >= {a, b}
    assert "next batch" in dict(result.held)[a].message()
    assert _stage(shop_db, a) == _stage(shop_db, b) == Stage.PAID.value
    printed = "".join(text(out).split())
    assert a not in printed and b not in printed and result.printed[0] in printed


def test_losing_a_batch_race_names_the_other_batch(shop_db, shop_staff, pdfs, monkeypatch):
    printer = shop_staff[Role.PRINTER]
    render = printing.batch_doc.render
    other: list[printing.BatchResult] = []

    def other_pc_first(slips, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not other:  # another PC prints the same orders while this drawing runs
            monkeypatch.setattr(printing.batch_doc, "render", render)
            other.append(printing.run_batch(shop_db, printer, out=pdfs / "other.pdf", cutoff=""))
            monkeypatch.setattr(printing.batch_doc, "render", other_pc_first)
        return render(slips, *args, **kwargs)

    monkeypatch.setattr(printing.batch_doc, "render", other_pc_first)
    with pytest.raises(Conflict) as refused:
        printing.run_batch(shop_db, printer, out=pdfs / "mine.pdf", cutoff="")
    message = refused.value.message()
    assert other[0].batch_no in message and printer.display_name in message
    assert "0 held back" not in message
    assert sorted(p.name for p in pdfs.iterdir()) == ["other.pdf"]


def test_a_reprint_draws_outside_the_write_and_records_what_it_drew(
    shop_db, shop_staff, pdfs, monkeypatch
) -> None:
    """While a reprint draws, another PC's write goes through (it used to wait for the whole
    drawing, holding PostgreSQL's write lock); a change it makes is drawn again."""
    printer, presales = shop_staff[Role.PRINTER], shop_staff[Role.PRESALES]
    a, b = _waiting(shop_db, 2)
    batch = printing.run_batch(shop_db, printer, out=pdfs / "b.pdf", order_nos=[a, b])
    build = reprints.batch_doc.build
    calls: list[int] = []

    def change_while_drawing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            _move(shop_db, presales, a, "重画路7号")
        return build(*args, **kwargs)

    monkeypatch.setattr(reprints.batch_doc, "build", change_while_drawing)
    out = pdfs / "again.pdf"
    done = print_records.run_reprint(
        shop_db, printer, reason="卡纸", batch_no=batch.batch_no, out=out
    )
    assert len(calls) == 2 and set(done.order_nos) == {a, b}
    assert "重画路7号" in "".join(text(out).split())
    assert shop_db.read(print_records.stale) == []
    assert sorted(p.name for p in pdfs.iterdir()) == ["again.pdf", "b.pdf"]


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    return db.read(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one())


def test_a_batch_whose_file_never_reached_its_folder_is_found_and_put_in_place(
    shop_db, shop_staff, pdfs, monkeypatch
) -> None:
    printer = shop_staff[Role.PRINTER]
    (a,) = _waiting(shop_db, 1)

    def stopped(self) -> None:  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # the program is killed between the commit and the rename

    with monkeypatch.context() as m:
        m.setattr(print_files.Staged, "publish", stopped)
        with pytest.raises(KeyboardInterrupt):
            printing.run_batch(shop_db, printer, out=pdfs / "b.pdf", order_nos=[a])
    assert _stage(shop_db, a) == Stage.PRINTED.value  # recorded, but no PDF
    assert not (pdfs / "b.pdf").exists()
    (lost,) = missing.missing_files(shop_db)
    assert lost.path == (pdfs / "b.pdf").resolve() and lost.temp.exists()
    # the hidden copy is the very PDF recorded: it is moved into place, nothing new recorded
    assert missing.put_in_place(shop_db, printer, lost.key) == [lost.path]
    assert a in "".join(text(pdfs / "b.pdf").split())
    assert sorted(p.name for p in pdfs.iterdir()) == ["b.pdf"]
    assert missing.missing_files(shop_db) == [] and _count(shop_db, Reprint) == 0

    # a rename that fails, and the hidden copy lost too: drawn again as a reprint, with a reason
    (c,) = _waiting(shop_db, 1)

    rename = print_files.os.replace

    def no_rename(src, dst) -> None:  # type: ignore[no-untyped-def]
        if str(dst).endswith(".pdf"):  # the folder became read-only: the PDF cannot go in
            raise PermissionError(13, "Permission denied")
        rename(src, dst)

    with monkeypatch.context() as m:
        m.setattr(print_files.os, "replace", no_rename)
        with pytest.raises(InvalidInput, match="Recorded, but the PDF could not be put"):
            printing.run_batch(shop_db, printer, out=pdfs / "c.pdf", order_nos=[c])
    (lost,) = missing.missing_files(shop_db)
    lost.temp.unlink()
    with pytest.raises(InvalidInput, match="say why"):
        missing.put_in_place(shop_db, printer, lost.key)
    missing.put_in_place(shop_db, printer, lost.key, reason="文件丢失")
    assert c in "".join(text(pdfs / "c.pdf").split())
    assert _count(shop_db, Reprint) == 1 and missing.missing_files(shop_db) == []


def test_an_order_printed_elsewhere_gets_its_slips_recorded_like_a_reprint(
    shop_db, shop_staff, pdfs
) -> None:
    """An order moved to "printed" by hand (no slip recorded in AfterDesk) used to be refused
    by Reprint after the save dialog; its slips are now printed, recorded with the reason."""
    printer = shop_staff[Role.PRINTER]
    (a,) = _waiting(shop_db, 1)
    imported = (  # as an order imported already printed arrives: no slip recorded here
        update(Order)
        .where(Order.order_no == a)
        .values(stage=Stage.PRINTED.value, version=Order.version + 1)
    )
    shop_db.write(lambda s: s.execute(imported))
    check = shop_db.read(
        lambda s: print_records.check_reprint(s, printer, reason="旧系统打印", order_nos=[a])
    )
    assert check.first_slips == (a,)
    batches = _count(shop_db, PrintBatch)
    out = pdfs / "first.pdf"
    done = print_records.run_reprint(shop_db, printer, reason="旧系统打印", order_nos=[a], out=out)
    assert done.order_nos == (a,) and a in "".join(text(out).split())
    rows = shop_db.read(lambda s: [(r.reason, r.printed_by_name) for r in s.query(Reprint)])
    assert rows == [("旧系统打印", printer.display_name)]
    assert _count(shop_db, PrintBatch) == batches + 1  # the number its slips show
    again = shop_db.read(
        lambda s: print_records.check_reprint(s, printer, reason="x", order_nos=[a])
    )
    assert again.first_slips == ()  # its slips are recorded now: an ordinary reprint

    # what may not be reprinted is refused before anyone chooses a file
    (b,) = _waiting(shop_db, 1)
    with pytest.raises(TransitionRefused, match="no printed slips"):
        shop_db.read(lambda s: print_records.check_reprint(s, printer, reason="x", order_nos=[b]))
