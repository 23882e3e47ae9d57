"""Draw AfterDesk's icon: resources/icons/afterdesk.svg and the PNG/ICO/ICNS made from it.

A parcel (the orders) with a return arrow (after-sales) on a blue tile. The SVG and the
Pillow drawing use the same geometry (a 256-unit square); the PNGs are drawn 4× larger and
scaled down, so small sizes stay smooth. Run: ``.venv/bin/python -m tools.make_icon``.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
BLUE, LID, TAPE, BADGE, WHITE = "#1E5AA8", "#D6E4F5", "#C9A46A", "#F08A24", "#FFFFFF"
ARC_START, ARC_END = 200, 470  # degrees, clockwise from 3 o'clock (Pillow's convention)
BADGE_C, BADGE_R, ARROW_R = (184.0, 184.0), 50.0, 24.0


def _arrow_head(scale: float = 1.0) -> list[tuple[float, float]]:
    """A triangle at the arc's end, pointing along the clockwise direction."""
    cx, cy = BADGE_C
    a = math.radians(ARC_END)
    x, y = cx + ARROW_R * math.cos(a), cy + ARROW_R * math.sin(a)
    tx, ty = -math.sin(a), math.cos(a)  # tangent, clockwise
    nx, ny = math.cos(a), math.sin(a)  # outward normal
    points = [(x + 14 * tx, y + 14 * ty), (x + 11 * nx, y + 11 * ny), (x - 11 * nx, y - 11 * ny)]
    return [(px * scale, py * scale) for px, py in points]


def svg() -> str:
    cx, cy = BADGE_C
    a0, a1 = math.radians(ARC_START), math.radians(ARC_END)
    x0, y0 = cx + ARROW_R * math.cos(a0), cy + ARROW_R * math.sin(a0)
    x1, y1 = cx + ARROW_R * math.cos(a1), cy + ARROW_R * math.sin(a1)
    head = " ".join(f"{x:.1f},{y:.1f}" for x, y in _arrow_head())
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"
     viewBox="0 0 256 256">
  <title>AfterDesk</title>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="{BLUE}"/>
  <polygon points="52,78 204,78 192,104 64,104" fill="{LID}"/>
  <rect x="64" y="104" width="128" height="100" fill="{WHITE}"/>
  <rect x="118" y="78" width="20" height="60" fill="{TAPE}"/>
  <circle cx="{cx:.0f}" cy="{cy:.0f}" r="{BADGE_R:.0f}" fill="{BADGE}"
          stroke="{WHITE}" stroke-width="8"/>
  <path d="M {x0:.1f} {y0:.1f} A {ARROW_R:.0f} {ARROW_R:.0f} 0 1 1 {x1:.1f} {y1:.1f}"
        fill="none" stroke="{WHITE}" stroke-width="9"/>
  <polygon points="{head}" fill="{WHITE}"/>
</svg>
"""


def draw(size: int) -> Image.Image:
    k = size * 4 / 256  # drawn 4× and scaled down: anti-aliasing Pillow's shapes lack
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    d = ImageDraw.Draw(big)

    def s(*v: float) -> list[float]:
        return [x * k for x in v]

    d.rounded_rectangle(s(8, 8, 248, 248), radius=48 * k, fill=BLUE)
    d.polygon(
        [(52 * k, 78 * k), (204 * k, 78 * k), (192 * k, 104 * k), (64 * k, 104 * k)], fill=LID
    )
    d.rectangle(s(64, 104, 192, 204), fill=WHITE)
    d.rectangle(s(118, 78, 138, 138), fill=TAPE)
    cx, cy = BADGE_C
    d.ellipse(s(cx - BADGE_R - 4, cy - BADGE_R - 4, cx + BADGE_R + 4, cy + BADGE_R + 4), fill=WHITE)
    d.ellipse(s(cx - BADGE_R + 4, cy - BADGE_R + 4, cx + BADGE_R - 4, cy + BADGE_R - 4), fill=BADGE)
    box = s(cx - ARROW_R, cy - ARROW_R, cx + ARROW_R, cy + ARROW_R)
    d.arc(box, ARC_START, ARC_END, fill=WHITE, width=max(1, round(9 * k)))
    d.polygon(_arrow_head(k), fill=WHITE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "afterdesk.svg").write_text(svg(), encoding="utf-8")
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        image.save(OUT / f"afterdesk-{size}.png")
    images[256].save(OUT / "afterdesk.png")
    images[256].save(OUT / "afterdesk.ico", sizes=[(n, n) for n in (16, 24, 32, 48, 64, 128, 256)])
    images[512].save(OUT / "afterdesk.icns")


if __name__ == "__main__":
    main()
