"""The command line refuses mistakes plainly (issue 9, section 7): no new files, no tracebacks."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app import migrations
from app.db import Database
from tests.case_helpers import jpeg
from tests.test_cli import afterdesk


@pytest.fixture
def demo_url(db_url: str) -> str:
    assert afterdesk(db_url, "init").returncode == 0
    assert afterdesk(db_url, "demo", "--orders", "40").returncode == 0
    return db_url


def _shipped(url: str) -> str:
    listed = afterdesk(url, "orders", "list", "--stage", "shipped", "--limit", "1", "--json")
    return json.loads(listed.stdout)[0]["order_no"]


def refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_mistyped_sqlite_path_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    good = tmp_path / "afterdesk.sqlite"
    assert afterdesk(f"sqlite:///{good}", "init").returncode == 0
    typo = tmp_path / "new-folder" / "afterdesk.sqlte"
    result = afterdesk(f"sqlite:///{typo}", "orders", "list")
    refused(result, f"There is no database at {typo}")
    assert not typo.parent.exists()
    # init and demo are the ones that make a database
    made = tmp_path / "second" / "afterdesk.sqlite"
    assert afterdesk(f"sqlite:///{made}", "demo", "--orders", "5").returncode == 0
    assert afterdesk(f"sqlite:///{made}", "orders", "list").returncode == 0


def test_an_empty_database_is_not_filled_by_a_read(db_url: str) -> None:
    if db_url.startswith("sqlite:///"):
        Path(db_url.removeprefix("sqlite:///")).touch()  # an empty file, as SQLite leaves one
    refused(afterdesk(db_url, "orders", "list"), "run “afterdesk init”")
    db = Database(db_url)
    try:
        assert migrations.schema_state(db)[0] is migrations.SchemaState.EMPTY
    finally:
        db.dispose()


def test_an_old_schema_is_upgraded_by_init_only_with_a_backup(db_url: str, tmp_path) -> None:
    from alembic import command

    db = Database(db_url)
    cfg = migrations._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
    old = "0005"
    result = afterdesk(db_url, "orders", "list")
    refused(result, "has an older schema (0005): run “afterdesk init” to upgrade it")
    assert migrations.schema_state(db) == (migrations.SchemaState.OUTDATED, old)
    if not db_url.startswith("sqlite"):  # the team's server: only after a pg_dump
        asked = afterdesk(db_url, "init")
        refused(asked, "Take a backup on the server first, e.g. pg_dump -Fc")
        assert "“afterdesk init --pg-dump-done”" in asked.stderr
        assert migrations.schema_state(db) == (migrations.SchemaState.OUTDATED, old)
    confirmed = [] if db_url.startswith("sqlite") else ["--pg-dump-done"]
    upgraded = afterdesk(db_url, "init", *confirmed)
    assert upgraded.returncode == 0, upgraded.stderr
    assert migrations.schema_state(db)[0] is migrations.SchemaState.CURRENT
    db.dispose()
    copies = list(tmp_path.glob("afterdesk.sqlite.schema-0005-*.bak"))
    if db_url.startswith("sqlite"):
        assert len(copies) == 1 and f"copied to {copies[0]}" in upgraded.stdout
        kept = Database(f"sqlite:///{copies[0]}")
        assert migrations.schema_state(kept) == (migrations.SchemaState.OUTDATED, old)
        kept.dispose()
    else:
        assert copies == []


def test_bad_numbers_and_codes_are_refused_plainly(demo_url: str) -> None:
    for args in (
        ("case", "list", "--limit", "-1"),
        ("case", "list", "--limit", "99999999999999999999"),
        ("orders", "list", "--limit", "-1"),
    ):
        refused(afterdesk(demo_url, *args, user="aftersales"), "is not between 1 and 10000")
    refused(afterdesk(demo_url, "scan", "", user="warehouse"), "Scan or type")
    order_no = _shipped(demo_url)
    for amount, message in (("1e30", "not an amount"), ("１０", "full-width")):
        result = afterdesk(
            demo_url, "case", "open", order_no, "--type", "return", "--freight-advance", amount,
            user="aftersales",
        )  # fmt: skip
        refused(result, message)


def test_several_photos_after_one_photo_option(demo_url: str, tmp_path: Path) -> None:
    files = []
    for colour in ("red", "green"):
        path = tmp_path / f"{colour}.jpg"
        path.write_bytes(jpeg(colour=colour))
        files.append(str(path))
    order_no = _shipped(demo_url)
    opened = afterdesk(
        demo_url, "case", "open", order_no, "--type", "return", "--quality",
        "--defect-location", "鞋头", "--photo", *files, "--json", user="aftersales",
    )  # fmt: skip
    assert opened.returncode == 0, opened.stderr
    case_no = json.loads(opened.stdout)["case_no"]
    shown = json.loads(afterdesk(demo_url, "case", "show", case_no, "--json").stdout)
    assert sorted(p["filename"] for p in shown["photos"]) == ["green.jpg", "red.jpg"]


def test_photo_option_refuses_a_device(demo_url: str) -> None:
    order_no = _shipped(demo_url)
    result = afterdesk(
        demo_url, "case", "open", order_no, "--type", "return", "--photo", "/dev/zero",
        user="aftersales",
    )  # fmt: skip
    refused(result, "/dev/zero is not a photo file.")


# -- a full disk: a real small filesystem (tmpfs), filled up --------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root (the CI runs as root)")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as out:
        out.write(b"\0" * max(free - leave, 0))
    return filler


def _noise_photo(path: Path) -> None:  # noise does not compress: a few hundred KB
    Image.frombytes("RGB", (500, 500), os.urandom(500 * 500 * 3)).save(path, quality=95)


def test_a_full_disk_says_so(small_disk: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{small_disk / 'afterdesk.sqlite'}"
    assert afterdesk(url, "demo", "--orders", "20").returncode == 0
    order_no = _shipped(url)
    photo = tmp_path / "noise.jpg"
    _noise_photo(photo)
    before = json.loads(afterdesk(url, "orders", "show", order_no, "--json").stdout)["notes"]

    filler = _fill(small_disk, leave=64 * 1024)  # room to sign in, not for a photo
    opened = afterdesk(
        url, "case", "open", order_no, "--type", "return", "--photo", str(photo),
        user="aftersales",
    )  # fmt: skip
    refused(opened, "The disk is full: nothing was saved.")
    filler.unlink()

    filler = _fill(small_disk, leave=0)  # not a byte left: even opening the database fails
    refused(
        afterdesk(url, "note", "add", order_no, "客户来电", user="presales"), "The disk is full"
    )
    filler.unlink()

    after = afterdesk(url, "orders", "show", order_no, "--json")
    assert json.loads(after.stdout)["notes"] == before
    assert json.loads(afterdesk(url, "case", "list", "--json", user="aftersales").stdout) == []


def test_staff_change_their_own_password(demo_url: str) -> None:
    weak = afterdesk(demo_url, "user", "password", user="presales", AFTERDESK_NEW_PASSWORD="1234")
    refused(weak, "at least 8 characters")
    changed = afterdesk(
        demo_url, "user", "password", user="presales", AFTERDESK_NEW_PASSWORD="zhang-2026-pw"
    )
    assert changed.returncode == 0, changed.stderr
    old = afterdesk(demo_url, "orders", "list", "--limit", "1")
    assert old.returncode == 0  # reading needs no sign-in; acting does
    refused(afterdesk(demo_url, "note", "add", _shipped(demo_url), "x", user="presales"), "Wrong")
    note = afterdesk(
        demo_url, "note", "add", _shipped(demo_url), "客户来电", user="presales",
        password="zhang-2026-pw",
    )  # fmt: skip
    assert note.returncode == 0, note.stderr
    # only an administrator sets someone else's
    other = afterdesk(
        demo_url, "user", "password", "printer", user="presales", password="zhang-2026-pw",
        AFTERDESK_NEW_PASSWORD="x" * 12,
    )  # fmt: skip
    refused(other, "Administrator")
