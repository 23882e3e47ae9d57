"""Refresh the translation sources and compile them.

    python -m tools.translations          # lupdate app/ -> resources/i18n/*.ts, lrelease -> *.qm

Translators edit the .ts files (Qt Linguist: `pyside6-linguist`); both .ts and
.qm are committed, so a PC without the Qt tools still runs translated.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")
# English needs only its plural forms ("1 order", "2 orders"): lupdate's -pluralonly
PLURAL_ONLY = {"en"}


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    return found or f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py"))


def update(ts: Path, *, plural_only: bool = False) -> None:
    extra = ["-pluralonly"] if plural_only else []
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *extra, *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for lang in LANGUAGES:
        ts = I18N / f"afterdesk_{lang}.ts"
        update(ts, plural_only=lang in PLURAL_ONLY)
        release(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and its .qm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
