"""Files a command or dialog writes (PDFs, the register's workbook, a backup): one check
before any work starts, and one way to write them that never leaves half a file.

The check refuses the database itself (and SQLite's -wal, -shm and -journal files beside
it), a folder that does not exist, and an existing file unless the person said to replace
it (``--overwrite`` on the command line; a save dialog has already asked). A file is written
beside its target under a hidden name and moved into place; a full disk says so plainly and
leaves nothing behind, so trying again does not find a 0-byte file "already there".
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from app.models.errors import InvalidInput, UserError, os_reason
from app.models.i18n import QT_TRANSLATE_NOOP

SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def database_files(url: URL) -> set[Path]:
    """The files that are the database (SQLite only: PostgreSQL's live on the server)."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return set()
    main = Path(url.database).expanduser().resolve()
    return {main.with_name(main.name + end) for end in SQLITE_COMPANIONS}


def url_of(session: Session) -> URL:
    return session.get_bind().engine.url


def check_output(url: URL, path: Path | str, *, overwrite: bool = False) -> Path:
    """Refuse, before any work, a file that must not be written; its resolved path."""
    target = Path(path).expanduser().resolve()
    if target in database_files(url):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{path} is the database itself: choose another file. Nothing was written.",
            ),
            path=str(target),
        )
    if target.is_dir():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Cannot write {path}: it is a folder."),
            path=str(target),
        )
    if not target.parent.is_dir():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError", "The folder {folder} does not exist: create it or choose another."
            ),
            folder=str(target.parent),
        )
    if target.exists() and not overwrite:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{path} exists already: choose a new file name, or say to replace it "
                "(--overwrite).",
            ),
            path=str(target),
        )
    return target


def check_outputs(url: URL, paths: list[Path | None], *, overwrite: bool = False) -> None:
    for path in paths:
        if path is not None:
            check_output(url, path, overwrite=overwrite)


def save_copy(url: URL, source: Path, target: Path) -> None:
    """A copy of a finished document where the person chose (a save dialog asked already)."""
    import shutil

    checked = check_output(url, target, overwrite=True)
    write_beside(checked, lambda temp: shutil.copyfile(source, temp))


def write_error(exc: OSError, path: Path) -> UserError:
    """What to tell the person when a file could not be written; nothing was kept."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The disk is full: {path} was not written. Free some space and try again.",
            ),
            path=str(path),
        )
    return InvalidInput(
        QT_TRANSLATE_NOOP("UserError", "Cannot write {path}: {reason}."),
        path=str(path),
        reason=os_reason(exc),
    )


def write_beside(path: Path, write: Callable[[Path], object]) -> None:
    """``write`` fills a hidden file beside ``path``, which then replaces ``path``: a failure
    (a full disk) leaves no file, neither half a one at ``path`` nor the hidden one."""
    target = Path(path).expanduser().resolve()
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise write_error(exc, target) from exc
    temp = Path(name)
    try:
        write(temp)
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)  # mkstemp makes it private; this is an ordinary file
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise write_error(exc, target) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
