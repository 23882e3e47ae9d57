"""After-sales speed (issue 5): photo intake, the register, the XLSX export, the scan.

    python benchmarks/bench_cases.py [--db URL] [--orders 1000000] [--cases 100000]

Targets: a 12-megapixel JPEG added with its thumbnail < 0.5 s; the register's first
page at 100,000 cases < 200 ms; XLSX export of 10,000 cases < 5 s; a scan to the case
at 1,000,000 orders < 100 ms. Uses its own databases (``…bench-cases``), so the other
benchmarks' databases keep their schema.
"""

from __future__ import annotations

import io
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from _common import ROOT, arguments, demo_database, header, report, timed  # noqa: F401
from PIL import Image
from sqlalchemy import delete, insert, select

from app import migrations
from app.models import Case, CasePhoto, CaseState, CaseType, Order, Role, User
from app.services.cases import opening as cases
from app.services.cases import photos as case_photos
from app.services.cases import register as case_register
from app.services.cases import scan as case_scan
from app.services.cases.register import RegisterFilter
from app.services.core.actor import Actor

EXPORTED = 10_000  # complaint cases: the export's filter picks exactly these
STATES = [s.value for s in CaseState if s is not CaseState.UNANNOUNCED]
KINDS = [CaseType.RETURN.value, CaseType.EXCHANGE.value, CaseType.RECALL.value]


def _fill(db, n_cases: int, seed: int) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """n cases on random orders (10,000 of them complaints); returns (case, tracking, order)."""
    rng = random.Random(seed)

    def work(session):  # type: ignore[no-untyped-def]
        session.execute(delete(CasePhoto))
        session.execute(delete(Case))
        user = session.execute(select(User).where(User.username == "aftersales")).scalar_one()
        top = session.execute(select(Order.id).order_by(Order.id.desc()).limit(1)).scalar_one()
        ids = rng.sample(range(1, top + 1), n_cases)
        numbers = dict(
            session.execute(select(Order.id, Order.order_no).where(Order.id.in_(ids[:2000]))).all()
        )
        start = datetime.now(UTC) - timedelta(days=400)
        rows, picked = [], []
        for i, order_id in enumerate(ids):
            at = start + timedelta(minutes=5 * i)
            case_no = f"SH{at:%Y%m%d}-{i % 100000:05d}"
            tracking = f"BK{i:012d}"
            rows.append(
                {
                    "case_no": case_no,
                    "order_id": order_id,
                    "type": CaseType.COMPLAINT.value if i < EXPORTED else rng.choice(KINDS),
                    "state": rng.choice(STATES),
                    "reason": "尺码不合适" if i % 3 else "鞋底开胶",
                    "quality": i % 3 == 0,
                    "defect_location": "左脚鞋头" if i % 3 == 0 else "",
                    "no_photo_possible": False,
                    "return_courier": "顺丰",
                    "return_tracking_no": tracking,
                    "card_in_parcel": "yes",
                    "wants": "42码" if i % 2 else "",
                    "unannounced": False,
                    "freight_payer": "customer",
                    "return_freight": Decimal("0"),
                    "signoff_notes": "",
                    "refund_reference": "",
                    "freight_reimbursed": Decimal("0"),
                    "exchange_courier": "",
                    "opened_by_id": user.id,
                    "opened_by": user.display_name,
                    "opened_at": at,
                    "updated_by": user.display_name,
                    "updated_at": at,
                    "version": 1,
                }
            )
            if order_id in numbers and len(picked) < 300:
                picked.append((case_no, tracking, numbers[order_id]))
        for chunk in range(0, len(rows), 5000):
            session.execute(insert(Case), rows[chunk : chunk + 5000])
        return picked

    picked = db.write(work)
    db.refresh_statistics(("cases",))
    return picked


def photo_bytes(seed: int) -> bytes:
    """A 4000×3000 JPEG with real detail (noise compresses like a photo, ~4 MB)."""
    rng = random.Random(seed)
    base = Image.effect_noise((1000, 750), 60).convert("RGB").resize((4000, 3000))
    tint = Image.new("RGB", base.size, (rng.randrange(256), 120, 80))
    out = io.BytesIO()
    Image.blend(base, tint, 0.3).save(out, "JPEG", quality=92)
    return out.getvalue()


def main() -> None:
    args = arguments(__doc__ or "", samples=50)
    if args.db.endswith("afterdesk-bench.sqlite"):
        args.db = f"sqlite:///{Path(tempfile.gettempdir()) / 'afterdesk-bench-cases.sqlite'}"
    db = demo_database(args.db, args.orders)
    migrations.upgrade(db)
    header("after-sales", args.db, args.orders)
    n_cases = 100_000
    start = time.perf_counter()
    picked = _fill(db, n_cases, args.seed)
    print(f"  ({n_cases:,} cases inserted in {time.perf_counter() - start:.1f} s)")

    after = db.read(
        lambda s: s.execute(select(User).where(User.username == "aftersales")).scalar_one()
    )
    actor = Actor(after.id, after.username, after.display_name, frozenset({Role.AFTERSALES}))
    target_case = picked[0][0]
    blobs = [photo_bytes(i) for i in range(5)]
    print(f"  (photos: 4000×3000 JPEG, {sum(map(len, blobs)) / len(blobs) / 2**20:.1f} MB each)")

    def add(blob: bytes) -> None:
        photo = case_photos.prepare(blob, "evidence.jpg")
        db.write(lambda s: case_photos.add_photos(s, actor, target_case, [photo]))

    report(
        "12 MP JPEG added (check, display, thumb, insert)",
        [timed(lambda b=b: add(b)) for b in blobs],
        500,
    )
    report(
        "  of which prepare() alone",
        [timed(lambda b=b: case_photos.prepare(b, "x.jpg")) for b in blobs],
    )

    first = [timed(lambda: db.read(lambda s: case_register.page(s))) for _ in range(args.samples)]
    report("register first page (200 of 100,000)", first, 200)
    filt = RegisterFilter(states=(CaseState.RECEIVED,), types=(CaseType.RETURN,))
    report(
        "register first page, state + type filter",
        [
            timed(lambda: db.read(lambda s: case_register.page(s, filt)))
            for _ in range(args.samples)
        ],
        200,
    )
    report(
        "register search by a tracking number",
        [
            timed(lambda t=t: db.read(lambda s: case_register.page(s, RegisterFilter(search=t))))
            for _, t, _ in picked[: args.samples]
        ],
        200,
    )
    deep = db.read(lambda s: case_register.page(s, limit=1))[0].id - 90_000
    report(
        "register page 450 (keyset)",
        [
            timed(lambda: db.read(lambda s: case_register.page(s, before_id=deep)))
            for _ in range(20)
        ],
        200,
    )

    out = Path(tempfile.gettempdir()) / "afterdesk-bench-register.xlsx"
    complaints = RegisterFilter(types=(CaseType.COMPLAINT,))
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        written = db.read(lambda s: case_register.export_xlsx(s, out, complaints))
        runs.append((time.perf_counter() - start) * 1000)
    assert written == EXPORTED, written
    report(f"XLSX export of {written:,} cases ({out.stat().st_size / 2**20:.1f} MB)", runs, 5000)

    codes = [c for case_no, tracking, order_no in picked for c in (case_no, tracking, order_no)]
    rng = random.Random(args.seed)
    rng.shuffle(codes)
    misses = [f"NX{rng.randrange(10**11):011d}" for _ in range(20)]
    report(
        "scan to case (case / return tracking / order no.)",
        [timed(lambda c=c: db.read(lambda s: case_scan.scan(s, c))) for c in codes[:150]],
        100,
    )
    report(
        "scan, not registered",
        [timed(lambda c=c: db.read(lambda s: case_scan.scan(s, c))) for c in misses],
        100,
    )
    shown = db.read(lambda s: cases.get(s, target_case))
    print(f"  ({target_case}: {len(shown.photos)} photos, {len(shown.timeline)} timeline entries)")
    gui_figures(db, codes[150:], args.samples)
    db.dispose()


def gui_figures(db, codes: list[str], samples: int) -> None:  # type: ignore[no-untyped-def]
    """The same targets as a person sees them: the screens, offscreen, through their workers."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.views.cases.register_model import RegisterModel
    from app.views.cases.scan_page import ScanPage
    from app.views.kit.ops import bind_database, wait_for_ops

    app = QApplication.instance() or QApplication([])
    bind_database(db)
    warehouse = db.read(
        lambda s: s.execute(select(User).where(User.username == "warehouse")).scalar_one()
    )
    actor = Actor(
        warehouse.id, warehouse.username, warehouse.display_name, frozenset({Role.WAREHOUSE})
    )

    def until(signal, start) -> float:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        begin = time.perf_counter()
        start()
        loop.exec()
        signal.disconnect(loop.quit)
        return (time.perf_counter() - begin) * 1000

    page = ScanPage(actor)
    page.resize(1200, 800)
    page.show()
    report(
        "screen: scan to the case on the returns desk",
        [until(page.shown, lambda c=c: page.scan(c)) for c in codes[:samples]],
        100,
    )
    model = RegisterModel()
    report(
        "screen: register model, first page on screen",
        [until(model.page_loaded, lambda: model.show(RegisterFilter())) for _ in range(samples)],
        200,
    )
    wait_for_ops()
    page.close()
    app.processEvents()
    bind_database(None)


if __name__ == "__main__":
    main()
