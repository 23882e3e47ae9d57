"""The one way a print is recorded: batch, reprint, recall slip and exchange order.

1. ``draw`` reads what to print in a short read transaction and draws the PDFs outside any
   transaction (drawing thousands of slips takes seconds; no lock is held meanwhile).
2. The files are staged: written and synced to hidden temporary files beside their targets,
   so a full disk or a missing folder fails before anything is recorded.
3. ``record`` runs in one short write transaction and checks that what was drawn is still
   what the database holds (raising ``Changed`` or ``Conflict`` when not); then nothing is
   recorded, the files go, and it is drawn again (``draw`` is told what changed).
4. After the commit the files are renamed into place. A file that cannot be put there (or a
   process killed before the rename) stays noted in this PC's list of unplaced prints, so
   the next listing finds the recorded print whose file is missing (``unplaced``).
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from app.config import config_dir
from app.db import Database
from app.models.errors import Conflict
from app.services.dispatch.files import Staged, stage_files

T = TypeVar("T")
ATTEMPTS = 3


class Changed(Exception):
    """What was drawn no longer matches the database. ``order_nos`` names the orders that
    changed when it is known, so the next drawing may leave them out."""

    def __init__(self, order_nos: Sequence[str] = ()) -> None:
        super().__init__(", ".join(order_nos))
        self.order_nos = tuple(order_nos)


@dataclass
class Drawing(Generic[T]):
    """One drawing: its files, the short write that records it, and what to answer."""

    files: list[tuple[Path, bytes]]
    record: Callable[[Session], Any]
    result: T
    # a recorded print named in this PC's list until its files are in place
    key: str = ""


def record_print(
    db: Database,
    draw: Callable[[Changed | None], Drawing[T]],
    *,
    attempts: int = ATTEMPTS,
    gave_up: Callable[[], Exception] | None = None,
) -> T:
    """Draw, stage, record with a version check, retry on a change, publish after commit."""
    previous: Changed | None = None
    for attempt in range(attempts):
        drawing = draw(previous)
        staged = stage_files(drawing.files)  # a full disk fails here, nothing recorded
        try:
            if drawing.key:
                _note(db.describe(), drawing.key, staged.pairs)
            with _no_collection_pause():
                db.write(drawing.record)
        except (Changed, Conflict) as exc:
            staged.discard()
            _forget(db.describe(), drawing.key)
            if attempt == attempts - 1:
                if gave_up is not None:
                    raise gave_up() from exc
                raise
            previous = exc if isinstance(exc, Changed) else Changed()
            continue
        except BaseException:
            staged.discard()
            _forget(db.describe(), drawing.key)
            raise
        staged.publish()  # raises, naming the kept file, if a rename fails: the key stays
        _forget(db.describe(), drawing.key)
        return drawing.result
    raise AssertionError("unreachable")  # pragma: no cover


@contextlib.contextmanager
def _no_collection_pause() -> Iterator[None]:
    """No full garbage collection while the write holds its locks: after drawing thousands of
    slips one took ≈ 270 ms inside a 2,000-order reprint's write, every other PC waiting.
    The drawing's garbage is collected first, while nobody waits for us."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# -- this PC's list of recorded prints whose files are not yet in place ----------------------
@dataclass(frozen=True)
class Unplaced:
    key: str  # a batch number
    path: Path  # where the file should be
    temp: Path  # the hidden file left beside it ("" when gone)


def _journal() -> Path:
    return config_dir() / "unplaced-prints.json"


def _load() -> dict[str, dict[str, list[list[str]]]]:
    try:
        data = json.loads(_journal().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict[str, dict[str, list[list[str]]]]) -> None:
    path = _journal()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def _note(place: str, key: str, pairs: list[tuple[Path, Path]]) -> None:
    data = _load()
    data.setdefault(place, {})[key] = [[str(t), str(f)] for t, f in pairs]
    _save(data)


def _forget(place: str, key: str) -> None:
    if not key:
        return
    data = _load()
    if data.get(place, {}).pop(key, None) is not None:
        _save(data)


def place_of(session: Session) -> str:
    """The database a session works on, as ``Database.describe`` names it."""
    return session.get_bind().engine.url.render_as_string(hide_password=True)


def unplaced(place: str, recorded: Callable[[list[str]], set[str]]) -> list[Unplaced]:
    """Recorded prints of this PC whose files never reached their place.

    ``recorded`` says which of the noted keys the database holds: a key it does not hold was
    never committed (the process stopped before), so its hidden file is removed quietly.
    """
    noted = _load().get(place, {})
    if not noted:
        return []
    held = recorded(list(noted))
    out: list[Unplaced] = []
    for key, pairs in noted.items():
        for temp, final in pairs:
            if key not in held or Path(final).exists():
                with contextlib.suppress(OSError):
                    Path(temp).unlink()
                continue
            out.append(Unplaced(key, Path(final), Path(temp)))
    for key in [k for k in noted if k not in {u.key for u in out}]:
        _forget(place, key)
    return out


def publish_kept(item: Unplaced) -> None:
    """Move the hidden copy kept beside the target into place."""
    Staged([(item.temp, item.path)]).publish()


def resolved(place: str, item: Unplaced) -> None:
    """The file was drawn again: drop the note and the hidden copy."""
    with contextlib.suppress(OSError):
        item.temp.unlink()
    _forget(place, item.key)
