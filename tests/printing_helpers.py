"""Reading printed PDFs back as a person or a scanner would: text, fonts, sizes, barcodes."""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import update

from app.db import Database
from app.models import DocLanguage, Shop
from app.printing.data import OrderSlip, Party, SlipItem

MM = 72 / 25.4


def slip(**changes: object) -> OrderSlip:
    base: dict[str, object] = {
        "order_no": "3861000123456789012",
        "shop_name": "悦步鞋履旗舰店",
        "courier": "顺丰速运",
        "tracking_no": "SF1234567890123",
        "paid_at": datetime(2026, 11, 24, 2, 30, tzinfo=UTC),
        "recipient": Party(
            "王小明",
            "13800138000",
            "浙江省杭州市西湖区文三路478号华星时代广场A座，3幢1203室（前台代收）",
        ),
        "sender": Party("悦步客服", "0571-88886666", "浙江省杭州市余杭区良睦路1399号退货组"),
        "items": (
            SlipItem("XZ-01-黑-40", "经典帆布鞋", (("颜色", "黑"), ("尺码", "40")), 1),
            SlipItem("WZ-09", "纯棉袜子三双装", (("颜色", "灰"),), 2),
        ),
        "special": (("invoice", "杭州某某科技有限公司"), ("card", "生日快乐！")),
        "buyer_id": "tb_wang123",
        "buyer_message": "请尽快发货",
        "flagged_notes": ("客户要求发顺丰---2026.11.24 张三",),
        "batch_no": "P20261124-0001",
    }
    base.update(changes)
    return OrderSlip(**base)  # type: ignore[arg-type]


def write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def page_sizes_mm(data: bytes) -> list[tuple[int, int]]:
    reader = PdfReader(io.BytesIO(data))
    return [
        (round(float(p.mediabox.width) / MM), round(float(p.mediabox.height) / MM))
        for p in reader.pages
    ]


def text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-raw"]  # content order: a badge beside a line does not split it
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True).stdout


def fonts(path: Path) -> list[dict[str, str]]:
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    rows = []
    for line in lines.splitlines()[2:]:
        parts = line.split()
        # name type... emb sub uni object ID: emb is the 5th field from the end
        rows.append({"name": parts[0], "emb": parts[-5], "type": " ".join(parts[1:-6])})
    return rows


def barcodes(path: Path, tmp_path: Path, page: int) -> list[str]:
    """Decode a 203 dpi one-bit render (what a thermal printer prints) with zbar."""
    prefix = tmp_path / f"render{page}"
    subprocess.run(
        ["pdftoppm", "-r", "203", "-mono", "-f", str(page), "-l", str(page), str(path), prefix],
        check=True,
    )
    image = next(tmp_path.glob(f"render{page}*.pbm"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
    image.unlink()
    return sorted(out.stdout.split())


def chinese_documents(db: Database | str) -> None:
    """Every shop prints in Chinese: for tests that read the documents' Chinese words (the
    demo's Shopify shop prints in English by default). ``db`` may be a database's address."""
    database = Database(db) if isinstance(db, str) else db
    database.write(lambda s: s.execute(update(Shop).values(doc_language=DocLanguage.ZH.value)))
    if isinstance(db, str):
        database.dispose()
