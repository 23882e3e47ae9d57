"""Where AfterDesk's own files are: beside the source, or inside a frozen bundle.

From source, ``resources/`` sits beside the ``app`` package. A PyInstaller bundle unpacks its
data under ``sys._MEIPASS`` (the ``_internal`` folder beside the executable in one-folder mode,
``Contents/Frameworks`` in a macOS ``.app``): the spec (installer/afterdesk.spec) puts
``resources/`` there, so every lookup goes through :func:`resources_dir` and works in both.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def bundle_root(frozen: bool | None = None, meipass: str | None = None) -> Path:
    """The folder holding ``resources/`` and ``app/migrations``: the bundle's or the source's."""
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if not frozen:
        return SOURCE_ROOT
    meipass = meipass or getattr(sys, "_MEIPASS", None)
    # PyInstaller always sets _MEIPASS; another freezer leaves its files beside the executable
    return Path(meipass) if meipass else Path(sys.executable).resolve().parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
