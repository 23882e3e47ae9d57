"""The evidence pack of a dispute's case with 20 photos of 12 MP (issue 13 "Speed").

    python benchmarks/bench_evidence_pack.py [--db URL] [--photos 20] [--runs 3]

Target: the pack (one PDF: order, notes, timeline, photos with their SHA-256) < 3 s and
< 20 MB. Twenty real 12 MP JPEGs (4000×3000, a gradient under camera-like noise, quality 90,
3–5 MB each) are generated with Pillow in a temporary folder and added to one case the way
the app adds them (checked, re-encoded for the screen, originals kept); then the pack is made
through the service the command line and the dispute dialog call, timed from the read to
the file on disk. Uses its own database (default: a fresh SQLite file in a temporary folder).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw

from app import migrations
from app.db import Database
from app.models import CaseType, Role, SignoffResult
from app.services.cases import photos as case_photos
from app.services.cases import steps as case_steps
from app.services.complaints import disputes, evidence
from app.services.core import (
    accounts,
    demo,
)
from app.services.core.actor import Actor
from app.services.orders import notes
from tests.case_helpers import shipped_orders


def photo(path: Path, n: int) -> None:
    """A 12 MP JPEG that compresses like a phone's photo, not like a flat colour."""
    size = (4000, 3000)
    base = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, ((40 * n) % 255, 120, (200 - 7 * n) % 255))
    picture = Image.blend(base, tint, 0.5)
    noise = Image.effect_noise(size, 40).convert("RGB")
    picture = Image.blend(picture, noise, 0.25)
    draw = ImageDraw.Draw(picture)
    for k in range(12):
        x, y = 300 * k + 50 * n % 300, 200 * k % 2800
        draw.ellipse((x, y, x + 600, y + 400), outline=(255, 255, 255), width=12)
    picture.save(path, "JPEG", quality=90)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="afterdesk-evidence-bench-"))
    url = args.db or f"sqlite:///{folder / 'bench.sqlite'}"
    db = Database(url)
    migrations.upgrade(db)
    db.write(lambda s: demo.fill(s, 50))
    users = {u.username: u for u in db.read(accounts.list_users)}
    after, warehouse = (
        Actor(u.id, u.username, u.display_name, u.roles)
        for u in (users[Role.AFTERSALES.value], users[Role.WAREHOUSE.value])
    )

    started = time.perf_counter()
    files = []
    for n in range(args.photos):
        path = folder / f"IMG_{n:04d}.jpg"
        photo(path, n)
        files.append(path)
    made_s = time.perf_counter() - started
    total_mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"{args.photos} photos of 12 MP generated in {made_s:.1f} s, {total_mb:.1f} MB")

    order_no = shipped_orders(db, 1)[0]
    db.write(lambda s: notes.add(s, after, order_no, "客户来电：鞋底开胶，已让客户拍照"))
    started = time.perf_counter()
    prepared = [case_photos.prepare_file(p) for p in files]
    case = db.write(
        lambda s: case_photos.open_with_photos(
            s, after, order_no, CaseType.RETURN, prepared, reason="鞋底开胶", quality=True,
            defect_location="左脚鞋头",
        )
    )  # fmt: skip
    print(f"photos checked and stored with the case in {time.perf_counter() - started:.1f} s")
    db.write(lambda s: case_steps.record_return(s, after, case.case_no, tracking="SF1000200030"))
    db.write(lambda s: case_steps.signoff(s, warehouse, case.case_no, result=SignoffResult.DAMAGED))
    db.write(
        lambda s: disputes.open_dispute(
            s, after, case.case_no, dispute_no="WQ-BENCH-1", deadline="2099-01-01 18:00",
            claim="买家称质量问题",
        )
    )  # fmt: skip

    times, sizes, pages = [], [], 0
    for run in range(args.runs):
        out = folder / f"pack{run}.pdf"
        started = time.perf_counter()
        made = evidence.make(db, after, case.case_no, out)
        times.append(time.perf_counter() - started)
        sizes.append(out.stat().st_size / 1e6)
        pages = made.pages
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True)
    embedded = len(images.stdout.splitlines()[2:])
    load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    print(f"database: {url.split(':')[0]}")
    print(
        f"evidence pack, {args.photos} photos of 12 MP: {pages} pages, {embedded} images "
        f"embedded, {sizes[-1]:.1f} MB; time min {min(times):.2f} s, median "
        f"{statistics.median(times):.2f} s, max {max(times):.2f} s over {args.runs} runs "
        f"(targets < 3 s, < 20 MB)"
    )
    print(f"load: {load}")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
