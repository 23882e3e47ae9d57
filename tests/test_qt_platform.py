"""A fresh Linux desktop without Qt's xcb libraries: AfterDesk names the packages to install
and exits, instead of Qt's "could not load the Qt platform plugin" abort."""

from __future__ import annotations

import ctypes

import pytest

from app.views.kit import qt_platform


def _without(*gone: str):
    """The dynamic loader of a PC where ``gone`` are not installed."""

    def load(name: str) -> object:
        if name in gone:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    return load


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_missing_xcb_libraries_are_named_with_the_install_command(language, capsys) -> None:
    code = qt_platform.refuse_without_xcb(
        language,
        load=_without("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"),
        environ={"DISPLAY": ":0"},
    )
    assert code == qt_platform.EXIT_MISSING_LIBRARIES == 2
    err = capsys.readouterr().err
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxkbcommon-x11.so.0" in err
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0" in err
    assert "sudo dnf install libxkbcommon-x11 xcb-util-cursor xcb-util-wm" in err
    if language == "zh_CN":
        assert "缺少" in err
    else:
        assert "AfterDesk cannot open its window" in err


def test_a_library_only_ldd_knows_is_named_too(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(qt_platform, "ldd_missing", lambda _plugin: ["libxcb-foo.so.9"])
    code = qt_platform.refuse_without_xcb(
        "en", load=_without(), plugin=tmp_path / "libqxcb.so", environ={}
    )
    assert code == 2
    assert "libxcb-foo.so.9" in capsys.readouterr().err


def test_nothing_missing_or_another_platform_starts_normally(capsys) -> None:
    assert qt_platform.refuse_without_xcb("en", load=_without(), environ={}) is None
    chosen = {"QT_QPA_PLATFORM": "offscreen"}
    assert (
        qt_platform.refuse_without_xcb("en", load=_without("libxcb.so.1"), environ=chosen) is None
    )
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert (
        qt_platform.refuse_without_xcb("en", load=_without("libxcb.so.1"), environ=wayland) is None
    )
    assert capsys.readouterr().err == ""


def test_this_machine_has_what_the_xcb_plugin_loads() -> None:
    # the real loader and ldd on the real plugin: the CI machine can start the app
    assert qt_platform.check(ctypes.CDLL) is None
