"""Before Qt starts on Linux: are the system libraries its X11 (xcb) plugin needs there?

Without them Qt prints "could not load the Qt platform plugin xcb" and aborts, naming no
library; a fresh Debian or Ubuntu desktop lacks several (libxcb-cursor0 first of all). We
look for them the way the dynamic loader will, and name the packages and the command that
installs them. Nothing here imports Qt's widgets: it runs before ``QApplication`` exists.
"""

from __future__ import annotations

import ctypes
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package): what libqxcb.so and libQt6XcbQpa load
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xinerama.so.0": ("libxcb-xinerama0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
}
NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
EXIT_MISSING_LIBRARIES = 2

Loader = Callable[[str], object]


@dataclass(frozen=True)
class MissingLibraries:
    libraries: tuple[str, ...]

    @property
    def debian(self) -> list[str]:
        return sorted({XCB_LIBRARIES.get(lib, (lib, lib))[0] for lib in self.libraries})

    @property
    def fedora(self) -> list[str]:
        return sorted({XCB_LIBRARIES.get(lib, (lib, lib))[1] for lib in self.libraries})

    def message(self, translate: Callable[[str, str], str] = lambda _c, t: t) -> str:
        return translate(
            "Startup",
            "AfterDesk cannot open its window: this computer lacks system libraries that Qt "
            "needs to draw on the screen ({libraries}).\n"
            "Install them, then start AfterDesk again:\n"
            "  Debian / Ubuntu:  {apt}\n"
            "  Fedora:           {dnf}",
        ).format(
            libraries=", ".join(self.libraries),
            apt="sudo apt install " + " ".join(self.debian),
            dnf="sudo dnf install " + " ".join(self.fedora),
        )


def missing(names: Iterable[str], load: Loader = ctypes.CDLL) -> list[str]:
    """The libraries of ``names`` that the dynamic loader cannot find."""
    gone = []
    for name in names:
        try:
            load(name)
        except OSError:
            gone.append(name)
    return gone


def xcb_plugin() -> Path | None:
    try:
        import PySide6
    except ImportError:  # pragma: no cover
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def ldd_missing(plugin: Path) -> list[str]:
    """What ``ldd`` says the plugin (and what it loads) cannot find: the whole tree at once."""
    try:
        out = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return NOT_FOUND.findall(out)


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Qt will try the xcb plugin: Linux, no platform chosen, not a Wayland session."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return False
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def check(load: Loader = ctypes.CDLL, plugin: Path | None = None) -> MissingLibraries | None:
    """None when Qt's xcb plugin can load; else the libraries it lacks."""
    plugin = plugin or xcb_plugin()
    found = ldd_missing(plugin) if plugin is not None else []
    # the known list through the real loader too: ldd may be missing (a minimal system)
    for name in missing(XCB_LIBRARIES, load):
        if name not in found:
            found.append(name)
    return MissingLibraries(tuple(found)) if found else None


def refuse_without_xcb(
    language: str,
    *,
    load: Loader = ctypes.CDLL,
    plugin: Path | None = None,
    environ: dict[str, str] | os._Environ[str] = os.environ,
) -> int | None:
    """Say what to install and give the exit code, instead of Qt's abort; None: go on."""
    if not uses_xcb(environ):
        return None
    problem = check(load, plugin)
    if problem is None:
        return None
    from app.i18n import Translator

    print(problem.message(Translator(language)), file=sys.stderr)
    return EXIT_MISSING_LIBRARIES
