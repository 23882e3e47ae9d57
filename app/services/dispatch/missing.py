"""Recorded batches whose files never reached their folder, and drawing them again.

A batch is recorded before its files are renamed into place (``recording.record_print``);
a rename that fails, or the program stopping between the two, leaves a recorded batch with
no PDF. This PC's list of unplaced prints finds them at the next listing.
"""

from __future__ import annotations

from pathlib import Path

from app.db import Database
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core.actor import Actor
from app.services.dispatch import records as print_records
from app.services.dispatch.recording import Unplaced, publish_kept, resolved


def missing_files(db: Database) -> list[Unplaced]:
    """This PC's recorded batches whose PDF is not where it was written (a failed rename,
    or the program stopped between the commit and the rename)."""
    return db.read(print_records.missing_in)


def put_in_place(db: Database, actor: Actor, batch_no: str, *, reason: str = "") -> list[Path]:
    """Draw a recorded batch's missing files again; the paths written.

    The hidden copy written before the commit is the very PDF recorded: when it is still
    there it is moved into place and nothing new is recorded. When it is gone the batch is
    reprinted from the orders as they are now, which is recorded as a reprint with a reason.
    """
    items = [u for u in missing_files(db) if u.key == batch_no]
    if not items:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Batch {batch_no} has no missing file on this PC."),
            batch_no=batch_no,
        )
    if all(u.temp.exists() for u in items):
        for u in items:
            publish_kept(u)
    else:
        if not reason.strip():
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "UserError",
                    "The PDF of batch {batch_no} is lost: it is drawn again as a reprint; say why.",
                ),
                batch_no=batch_no,
            )
        outs = [u.path for u in items]
        print_records.run_reprint(
            db,
            actor,
            reason=reason,
            batch_no=batch_no,
            out=outs[0],
            labels_out=outs[1] if len(outs) > 1 else None,
            overwrite=True,  # the paths this batch was written to, and nobody else's
        )
    for u in items:
        resolved(db.describe(), u)
    return [u.path for u in items]
