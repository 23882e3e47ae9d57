"""Writing PDFs so that a file exists only if its batch was recorded.

Each PDF is written to a hidden temporary file beside its target and synced to disk; a full
disk or a missing folder fails there, inside the transaction, which then rolls back. Only
after the commit are the files renamed into place (a rename within one folder is atomic).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.models.errors import InvalidInput, os_reason
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.outputs import write_error


@dataclass
class Staged:
    """Temporary files waiting for the commit: ``publish`` or ``discard`` them."""

    pairs: list[tuple[Path, Path]]  # (temporary, final)

    def publish(self) -> None:
        """After the commit: each file into place. What cannot be moved stays where it is,
        under a name the person is told (the record is already saved)."""
        pairs, self.pairs = self.pairs, []
        for temp, final in pairs:
            try:
                os.replace(temp, final)
            except OSError as exc:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "UserError",
                        "Recorded, but the PDF could not be put at {path}: {reason}. "
                        "It is kept as {temp}.",
                    ),
                    path=str(final),
                    reason=os_reason(exc),
                    temp=str(temp),
                ) from exc

    def discard(self) -> None:
        for temp, _ in self.pairs:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        self.pairs = []


def stage_files(files: list[tuple[Path, bytes]]) -> Staged:
    staged = Staged([])
    try:
        for final, data in files:
            final = Path(final).expanduser().resolve()
            if final.is_dir():  # found now, while nothing is recorded yet
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "UserError", "Cannot write {path}: it is a folder. Nothing was recorded."
                    ),
                    path=str(final),
                )
            staged.pairs.append((_write_temp(final, data), final))
    except BaseException:
        staged.discard()
        raise
    return staged


def _write_temp(final: Path, data: bytes) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part", dir=final.parent)
    except OSError as exc:
        raise write_error(exc, final) from exc
    temp = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)  # mkstemp makes it private; a PDF is an ordinary file
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise write_error(exc, final) from exc
    return temp


def write_now(path: Path, data: bytes) -> None:
    """A file that records nothing (a preview): still never left half-written."""
    stage_files([(path, data)]).publish()


def send_to_printer(path: Path, queue: str, media: str) -> str:
    """Hand a PDF to the system's print queue (CUPS ``lp``) at its own size, unscaled.

    ``media`` is a CUPS media name (``A5``, ``Custom.100x150mm``); ``fit-to-page=false``
    keeps a 100×150 label from being shrunk onto some default paper.
    """
    import shutil
    import subprocess

    lp = shutil.which("lp")
    if lp is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "This computer has no “lp” command (CUPS). The PDF is saved at {path}; "
                "print it from there.",
            ),
            path=str(path),
        )
    command = [lp, "-d", queue, "-o", "fit-to-page=false", "-o", f"media={media}", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The printer {queue} did not take the job: {reason}. The PDF is saved at {path}; "
                "print it again from there (the batch is recorded).",
            ),
            queue=queue,
            reason=(done.stderr or done.stdout).strip(),
            path=str(path),
        )
    return done.stdout.strip()
