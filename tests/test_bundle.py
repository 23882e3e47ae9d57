"""The built Linux bundle (``make bundle`` → dist/AfterDesk/), run as a shop's PC runs it.

CI builds the bundle once before the suite (.ci/run) and these tests start it: the
self-test reaches the sign-in and main windows offscreen, and the bundled command line
creates a database, fills the demo and prints labels whose fonts are embedded. Without a
bundle they are skipped on a developer's machine, but FAIL under CI (``CI`` set), so a
broken build can never pass as "skipped".
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "AfterDesk"
EXECUTABLE = BUNDLE / "afterdesk"


@pytest.fixture(scope="module")
def bundled() -> Path:
    if not EXECUTABLE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI: no bundle at {EXECUTABLE}; `make bundle` must run before the tests")
        pytest.skip("no bundle: run `make bundle` first")
    return EXECUTABLE


def _environ(tmp_path: Path, **extra: str) -> dict[str, str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        # the bundle chooses its own keyring; nothing of the source tree may leak in
        if k not in ("PYTHON_KEYRING_BACKEND", "PYTHONPATH", "AFTERDESK_DB", "AFTERDESK_USER")
    }
    environ |= {
        "QT_QPA_PLATFORM": "offscreen",
        "AFTERDESK_CONFIG_DIR": str(tmp_path / "config"),
        "LANG": "en_US.UTF-8",
    }
    return environ | extra


def _run(exe: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args],
        capture_output=True,
        text=True,
        env=_environ(tmp_path, **env),
        cwd=tmp_path,  # not the source tree: the bundle must find everything inside itself
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def test_bundled_self_test_reaches_the_windows_and_passes(bundled: Path, tmp_path: Path) -> None:
    done = _run(bundled, tmp_path, "--self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(bundle, " in done.stdout  # its files came from the bundle, not the source tree
    assert "PASS windows: sign-in window" in done.stdout and "main window signed in" in done.stdout
    assert "PASS keyring: keyring.backends." in done.stdout  # the backend it chose, named
    assert "PASS charts: trend charts" in done.stdout  # Qt Charts came along
    assert "DejaVuSans" in done.stdout and "WenQuanYiMicroHei" in done.stdout
    assert done.stdout.splitlines()[-1] == "Self-test passed."


def test_bundled_command_line_prints_labels_with_embedded_fonts(
    bundled: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'shop.sqlite'}"
    assert _run(bundled, tmp_path, "--db", url, "init").returncode == 0
    filled = _run(bundled, tmp_path, "--db", url, "demo", "--orders", "20")
    assert filled.returncode == 0, filled.stderr
    signed = {"AFTERDESK_PASSWORD": "demo"}
    waiting = _run(
        bundled, tmp_path, "--db", url, "--user", "printer", "print", "waiting", "--json", **signed
    )
    assert waiting.returncode == 0, waiting.stderr
    order_no = json.loads(waiting.stdout)[0]["order_no"]
    out = tmp_path / "labels.pdf"
    printed = _run(
        bundled,
        tmp_path,
        "--db",
        url,
        "--user",
        "printer",
        "print",
        "labels",
        order_no,
        "--out",
        str(out),
        **signed,
    )
    assert printed.returncode == 0, printed.stderr
    listed = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
    fonts = listed.stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), listed.stdout
    assert any("WenQuanYiMicroHei" in line for line in fonts)


def test_bundle_refuses_a_database_from_a_newer_afterdesk(bundled: Path, tmp_path: Path) -> None:
    """Issue 12 §6 from the bundle: a schema newer than it knows is refused, untouched."""
    import sqlite3

    db = tmp_path / "newer.sqlite"
    url = f"sqlite:///{db}"
    assert _run(bundled, tmp_path, "--db", url, "init").returncode == 0
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    refused = _run(bundled, tmp_path, "--db", url, "init")
    assert refused.returncode != 0
    assert "newer" in (refused.stdout + refused.stderr).lower()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_bundled_import_and_register_export(bundled: Path, tmp_path: Path) -> None:
    """The import's reader runs in a spawned process (a frozen program must start itself
    again as that process), and the register's .xlsx needs openpyxl and lxml in the bundle."""
    url = f"sqlite:///{tmp_path / 'shop.sqlite'}"
    assert _run(bundled, tmp_path, "--db", url, "init").returncode == 0
    assert _run(bundled, tmp_path, "--db", url, "demo", "--orders", "0").returncode == 0
    fixtures = ROOT / "tests" / "fixtures" / "imports" / "taobao"
    files = [
        str(fixtures / "ExportOrderList2019.csv"),
        str(fixtures / "ExportOrderDetailList2019.csv"),
    ]
    signed = {"AFTERDESK_PASSWORD": "demo"}
    imported = _run(
        bundled, tmp_path, "--db", url, "--user", "printer", "import", "orders", *files,
        "--shop", "悦步", "--json", **signed,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    result = json.loads(imported.stdout)
    assert result["finished"] and result["new"] > 0
    sheet = tmp_path / "register.xlsx"
    exported = _run(
        bundled, tmp_path, "--db", url, "--user", "aftersales", "register", "export",
        "--out", str(sheet), **signed,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert sheet.read_bytes()[:2] == b"PK"  # an .xlsx is a zip
