"""What the bundles of every platform share with the source, tested here on Linux: the keyring
backend each platform gets, where the bundle's files are found, and ``afterdesk --self-test``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import keyring_choice
from app.paths import SOURCE_ROOT, bundle_root
from app.selftest import embedded_fonts


def test_each_platform_gets_its_own_keyring() -> None:
    assert keyring_choice.for_platform("win32").backend == keyring_choice.WINDOWS
    assert keyring_choice.for_platform("darwin").backend == keyring_choice.MACOS
    assert keyring_choice.for_platform("linux", None).backend == keyring_choice.SECRET_SERVICE


def test_linux_without_a_secret_service_asks_each_session_and_says_why() -> None:
    """No file store with the key beside it: the app asks once per session (credentials.py)."""
    choice = keyring_choice.for_platform("linux", "no D-Bus session")
    assert choice.backend == keyring_choice.NONE
    assert "no D-Bus session" in choice.note and "once per session" in choice.note


def test_every_named_backend_loads_where_its_platform_is() -> None:
    """A typo in a dotted name would only show on that platform: the ones loadable here load."""
    import importlib

    from keyring.backend import KeyringBackend

    names = (keyring_choice.WINDOWS, keyring_choice.MACOS, keyring_choice.SECRET_SERVICE)
    for name in (*names, keyring_choice.NONE):
        module, _, cls = name.rpartition(".")
        assert issubclass(getattr(importlib.import_module(module), cls), KeyringBackend)


def test_keyrings_own_switch_still_wins() -> None:
    chosen = keyring_choice.choose(
        "win32", {keyring_choice.ENV_BACKEND: "keyring.backends.null.Keyring"}
    )
    assert chosen.backend == "keyring.backends.null.Keyring"


def test_a_bundle_finds_its_files_under_meipass(tmp_path: Path) -> None:
    assert bundle_root(frozen=False) == SOURCE_ROOT
    assert bundle_root(frozen=True, meipass=str(tmp_path)) == tmp_path
    assert (SOURCE_ROOT / "resources" / "fonts" / "wqy-microhei.ttc").is_file()


def test_embedded_fonts_read_as_pdffonts_does(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from app.printing import fonts

    fonts.register()
    pdf = tmp_path / "f.pdf"
    canvas = Canvas(str(pdf))
    canvas.setFont(fonts.MAIN, 12)
    canvas.drawString(72, 720, "王芳")
    canvas.setFont(fonts.FALLBACK, 12)
    canvas.drawString(72, 700, "✔")
    canvas.save()
    assert embedded_fonts(pdf.read_bytes()) == ["DejaVuSans", "WenQuanYiMicroHei-0"]
    listed = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in listed and "WenQuanYiMicroHei-0" in listed


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_self_test_from_source_passes_and_leaves_nothing(tmp_path: Path, lang: str) -> None:
    config = tmp_path / "config"
    done = subprocess.run(
        [sys.executable, "-m", "app", "--lang", lang, "--self-test"],
        capture_output=True,
        text=True,
        env={**os.environ, "AFTERDESK_CONFIG_DIR": str(config)},
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checks = (
        "files",
        "translations",
        "keyring",
        "database",
        "windows",
        "fonts",
        "printing",
        "charts",
    )
    for name in checks:
        assert any(line.startswith(f"PASS {name}:") for line in lines), done.stdout
    assert "DejaVuSans" in done.stdout and "WenQuanYiMicroHei" in done.stdout
    assert lines[-1] == {"en": "Self-test passed.", "zh_CN": "自检通过。"}[lang]
    assert not config.exists()  # its settings went to its own temporary folder


def test_self_test_names_what_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle that lost its translations: the check names the file that does not load."""
    import app.i18n
    from app.selftest import SelfTest

    monkeypatch.setattr(app.i18n, "I18N_DIR", tmp_path)
    with pytest.raises(RuntimeError, match=r"afterdesk_zh_CN\.qm does not load"):
        SelfTest(tmp_path, "en").translations()


def test_linux_tar_holds_the_folder_a_menu_entry_and_the_icon(tmp_path: Path) -> None:
    """installer/linux/make_tar.sh and its install.sh, on a stand-in bundle (the real one is
    the same folder, 250 MB): a per-user install whose menu entry starts the program."""
    import tarfile

    fake = tmp_path / "AfterDesk"
    fake.mkdir()
    program = fake / "afterdesk"
    program.write_text("#!/bin/sh\necho 'AfterDesk 0.1.0 (database schema 0001)'\n")
    program.chmod(0o755)
    out = tmp_path / "AfterDesk-0.1.0-linux-x86_64.tar.gz"
    subprocess.run(
        [str(SOURCE_ROOT / "installer" / "linux" / "make_tar.sh"), str(fake), str(out)], check=True
    )
    with tarfile.open(out) as tar:
        names = set(tar.getnames())
        tar.extractall(tmp_path / "unpacked", filter="tar")
    top = "AfterDesk-0.1.0-linux-x86_64"
    for name in ("AfterDesk/afterdesk", "afterdesk.desktop", "afterdesk.png", "install.sh"):
        assert f"{top}/{name}" in names
    prefix = tmp_path / "home" / ".local"
    installed = subprocess.run(
        [str(tmp_path / "unpacked" / top / "install.sh")],
        env={**os.environ, "AFTERDESK_PREFIX": str(prefix)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "AfterDesk 0.1.0" in installed.stdout
    entry = (prefix / "share" / "applications" / "afterdesk.desktop").read_text()
    assert f"Exec={prefix}/opt/AfterDesk/afterdesk" in entry and "Name[zh_CN]=售后台" in entry
    assert (prefix / "share" / "icons" / "hicolor" / "256x256" / "apps" / "afterdesk.png").is_file()
    assert (prefix / "bin" / "afterdesk").resolve() == prefix / "opt" / "AfterDesk" / "afterdesk"


def test_self_test_exits_1_and_lists_the_failed_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from app import selftest

    def broken() -> str:
        raise RuntimeError("resources/fonts/wqy-microhei.ttc is missing")

    monkeypatch.setattr(
        selftest.SelfTest, "checks", lambda self: [("files", lambda: "ok"), ("fonts", broken)]
    )
    out = io.StringIO()
    assert selftest.run("en", out) == 1
    lines = out.getvalue().splitlines()
    assert "PASS files: ok" in lines
    assert "FAIL fonts: resources/fonts/wqy-microhei.ttc is missing" in lines
    assert lines[-1] == "Self-test FAILED: fonts"


def test_a_backend_the_bundle_lacks_falls_back_to_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    """PYTHON_KEYRING_BACKEND naming a package the bundle does not hold must not stop the
    program: no keyring (the password is asked), and the reason is kept."""
    import keyring

    saved = keyring.get_keyring()
    monkeypatch.setenv(keyring_choice.ENV_BACKEND, "keyrings.alt.nowhere.Keyring")
    try:
        choice = keyring_choice.configure("linux")
        assert choice.backend == keyring_choice.NONE and "cannot be loaded" in choice.note
        assert keyring_choice.in_use() == keyring_choice.NONE
    finally:
        keyring.set_keyring(saved)
