"""Pictures and orders for the after-sales tests, made on the spot with Pillow."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from app.db import Database
from app.models import Stage
from app.services.orders import lookup as orders

GPS = {1: "N", 2: (31.0, 14.0, 6.0), 3: "E", 4: (121.0, 28.0, 12.0)}
MODEL = 0x0110


def jpeg(width: int = 640, height: int = 480, colour: str = "red", *, gps: bool = False) -> bytes:
    image = Image.new("RGB", (width, height), colour)
    exif = Image.Exif()
    exif[MODEL] = "TestPhone"
    if gps:
        exif[0x8825] = GPS
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def png(width: int = 320, height: int = 240, colour: str = "blue") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: the decompression-bomb shape."""
    data = bytearray(png(1, 1))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


def shipped_orders(db: Database, n: int = 5) -> list[str]:
    rows = db.read(lambda s: orders.list_page(s, stage=Stage.SHIPPED, limit=n))
    return [r.order_no for r in rows]
