"""``afterdesk print …`` as a user runs it, and a real print through CUPS to a PDF queue."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.printing_helpers import barcodes, chinese_documents, page_sizes_mm, text
from tests.test_cli import afterdesk

QUEUE = "AfterDeskTestPDF"
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


@pytest.fixture
def shop_url(db_url: str) -> str:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "60").returncode == 0
    chinese_documents(db_url)  # these tests read Chinese words
    return db_url


def _run(url: str, *args: str, user: str = "printer") -> subprocess.CompletedProcess[str]:
    return afterdesk(url, "print", *args, user=user)


def test_batch_batches_preview_reprint(shop_url, tmp_path) -> None:
    waiting = json.loads(_run(shop_url, "waiting", "--no-cutoff", "--json").stdout)
    assert waiting and all(not w["held"] for w in waiting)
    out = tmp_path / "batch.pdf"
    done = _run(
        shop_url,
        "batch",
        "--no-cutoff",
        "--without-waybill",
        "packing",
        "--out",
        str(out),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert len(result["printed"]) == len(waiting) and out.exists()
    listed = json.loads(_run(shop_url, "batches", "--json").stdout)
    assert listed[0]["batch_no"] == result["batch_no"] and listed[0]["printed_by"] == "王芳"
    order_no = result["printed"][0]

    preview = tmp_path / "preview.pdf"
    shown = _run(shop_url, "labels", order_no, "--out", str(preview), "--size", "76x130")
    assert shown.returncode == 0, shown.stderr
    assert page_sizes_mm(preview.read_bytes()) == [(76, 130)]
    assert "预览·未登记" in "".join(text(preview).split())  # the watermark runs diagonally
    notes = tmp_path / "notes.pdf"
    assert _run(shop_url, "dispatch-notes", order_no, "--out", str(notes)).returncode == 0
    assert page_sizes_mm(notes.read_bytes()) == [(148, 210)]

    again = tmp_path / "again.pdf"
    refused = _run(shop_url, "reprint", order_no, "--out", str(again))
    assert refused.returncode == 2 and "--reason" in refused.stderr
    ok = _run(shop_url, "reprint", order_no, "--reason", "标签卡纸", "--out", str(again))
    assert ok.returncode == 0, ok.stderr
    assert barcodes(again, tmp_path, 2) == sorted([order_no])  # page 1 is the dispatch note's


def test_refusals_are_plain_messages(shop_url, tmp_path) -> None:
    out = tmp_path / "x.pdf"
    denied = _run(shop_url, "batch", "--no-cutoff", "--out", str(out), user="presales")
    assert denied.returncode == 2 and "Order printer" in denied.stderr and not out.exists()
    missing_dir = tmp_path / "nowhere" / "x.pdf"
    failed = _run(shop_url, "batch", "--no-cutoff", "--out", str(missing_dir))
    assert failed.returncode == 2 and "does not exist" in failed.stderr
    assert json.loads(_run(shop_url, "batches", "--json").stdout) == []
    bad = _run(shop_url, "labels", "NOPE", "--out", str(out), "--size", "99x99")
    assert bad.returncode == 2 and "100x150" in bad.stderr


@pytest.fixture
def cups_queue() -> Iterator[Path]:
    """A cups-pdf queue on a scheduler this test starts if none runs (needs root and CUPS)."""
    if not (shutil.which("cupsd") and shutil.which("lpadmin") and CUPS_PDF_PPD.exists()):
        pytest.skip("CUPS with cups-pdf is not installed here (see .ci/run)")
    if os.geteuid() != 0:
        pytest.skip("adding a CUPS queue needs root")
    started = None
    if subprocess.run(["lpstat", "-r"], capture_output=True, text=True).returncode != 0 or (
        "not running" in subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout
    ):
        started = subprocess.Popen(["cupsd", "-f"])
        for _ in range(50):
            if (
                "is running"
                in subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout
            ):
                break
            time.sleep(0.1)
    subprocess.run(
        ["lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD)],
        check=True,
        capture_output=True,
    )
    spool = Path.home() / "PDF"  # cups-pdf's default "Out ${HOME}/PDF" for the job's owner
    try:
        yield spool
    finally:
        subprocess.run(["lpadmin", "-x", QUEUE], capture_output=True)
        if started is not None:
            started.terminate()
            started.wait(10)


def _printed_pdf(spool: Path, before: set[Path]) -> Path:
    """The PDF cups-pdf wrote for the job, once the queue is empty and the file complete."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        new = set(spool.glob("*.pdf")) - before if spool.exists() else set()
        queued = subprocess.run(["lpstat", "-o", QUEUE], capture_output=True, text=True).stdout
        if len(new) == 1 and not queued.strip():
            printed = new.pop()
            if b"%%EOF" in printed.read_bytes()[-64:]:  # the trailer comes last
                return printed
        time.sleep(0.2)  # polling the spool: cups-pdf tells nobody when it is done
    pytest.fail("cups-pdf wrote no complete PDF within 60 s")


def test_real_print_through_cups_keeps_the_label_size(shop_url, tmp_path, cups_queue) -> None:
    before = set(cups_queue.glob("*.pdf")) if cups_queue.exists() else set()
    labels = tmp_path / "labels.pdf"
    done = _run(
        shop_url,
        "batch",
        "--no-cutoff",
        "--without-waybill",
        "packing",
        "--out",
        str(tmp_path / "sheets.pdf"),
        "--labels-out",
        str(labels),
        "--label-printer",
        QUEUE,
    )
    assert done.returncode == 0, done.stderr
    assert f"Sent to printer {QUEUE}" in done.stdout
    printed = _printed_pdf(cups_queue, before)
    sizes = page_sizes_mm(printed.read_bytes())
    assert sizes and set(sizes) == {(100, 150)}  # no scaling onto A4 or Letter
    assert len(sizes) == len(page_sizes_mm(labels.read_bytes()))
    printed.unlink()
