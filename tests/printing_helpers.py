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


def table_cells(path: Path, page: int, corner: str) -> dict[tuple[str, str], str]:
    """A printed table read back by position (pdftotext -bbox): (row, column) → the cell's
    words. ``corner`` is the header of the first column; a column is named by the first word
    of its header, a row by the word in its first column; a cell's lines are joined without
    spaces (客服 / 早班 → 客服早班)."""
    import html
    import re

    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    words = [(float(x), float(y), html.unescape(t)) for x, y, t in found]
    head_x, head_y = next((x, y) for x, y, t in words if t == corner)
    header = sorted((x, t) for x, y, t in words if abs(y - head_y) < 1 and x > head_x + 1)
    columns: list[tuple[float, str]] = []  # the left edge of each column's first word
    for x, t in header:
        if not columns or x - columns[-1][0] > 12:  # a header's second word is beside its first
            columns.append((x - 1, t))
    first = columns[0][0]
    rows = sorted((y - 1, t) for x, y, t in words if x < first and y > head_y + 3)
    cells: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for x, y, t in words:
        if x < first or y <= head_y + 3:
            continue
        row = [name for top, name in rows if top <= y]
        column = [name for left, name in columns if left <= x]
        if row and column:
            cells.setdefault((row[-1], column[-1]), []).append((y, x, t))
    return {key: "".join(t for _y, _x, t in sorted(parts)) for key, parts in cells.items()}
