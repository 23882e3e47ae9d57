"""Photo evidence for after-sales cases (docs/domain.md rule 6: a quality claim needs photos).

The original bytes are kept exactly as received, with their SHA-256, so the evidence
can be verified later; the screen shows a re-encoded copy without the location
(EXIF GPS) and a small thumbnail. ``prepare`` does the slow image work and touches no
database: callers run it before opening the write transaction, so the lock other
writers wait for is held only for the insert.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import db_now
from app.models import Case, CasePhoto, CaseType, PhotoPurpose
from app.models.errors import InvalidInput, NotFound, os_reason
from app.models.formats import short_time
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.cases.rows import CaseDetail
from app.services.core import capabilities
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action

MAX_BYTES = 40 * 1024 * 1024
MAX_PIXELS = 100_000_000  # decompression-bomb guard: 100 megapixels is 400 MB decoded
DISPLAY_MAX = 1920  # the long side of the screen copy (up to 25 % more is kept as is)
THUMB_MAX = 256
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
GPS_IFD = 0x8825
ORIENTATION = 0x0112


@dataclass(frozen=True)
class PreparedPhoto:
    original: bytes
    filename: str
    sha256: str
    mime: str
    width: int
    height: int
    display: bytes
    display_mime: str
    thumbnail: bytes


def _refuse(template: str, name: str, **params: object) -> InvalidInput:
    return InvalidInput(template, name=name, **params)


def _too_large(name: str, size: int) -> InvalidInput:
    return _refuse(
        QT_TRANSLATE_NOOP("UserError", "{name} is too large: {mb} MB, at most {max} MB."),
        name,
        mb=round(size / 2**20, 1),
        max=MAX_BYTES // 2**20,
    )


def _open(data: bytes, name: str) -> Image.Image:
    if not data:
        raise _refuse(QT_TRANSLATE_NOOP("UserError", "{name} is empty."), name)
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    try:
        with warnings.catch_warnings():  # our own pixel limit below decides
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
    except Image.DecompressionBombError:
        raise _too_many_pixels(name) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _refuse(
            QT_TRANSLATE_NOOP("UserError", "{name} is not a photo (JPEG, PNG or WebP)."), name
        ) from None
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise _too_many_pixels(name, width, height)
    return image


def _too_many_pixels(name: str, width: int = 0, height: int = 0) -> InvalidInput:
    if not width:  # Pillow refused before telling the size: far beyond any photo
        return _refuse(
            QT_TRANSLATE_NOOP("UserError", "{name} is too large: over {mp} megapixels."),
            name,
            mp=MAX_PIXELS // 1_000_000,
        )
    return _refuse(
        QT_TRANSLATE_NOOP(
            "UserError", "{name} is too large ({width}×{height} pixels): at most {mp} megapixels."
        ),
        name,
        width=width,
        height=height,
        mp=MAX_PIXELS // 1_000_000,
    )


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def prepare(data: bytes, filename: str = "") -> PreparedPhoto:
    """Check a file is a whole, sane photo and make its display copy and thumbnail."""
    name = filename or "photo"
    image = _open(data, name)
    width, height = image.size
    mime = FORMATS[image.format or ""]
    exif = image.getexif()
    icc = image.info.get("icc_profile")
    if image.format == "JPEG":  # let libjpeg decode at 1/2, 1/4…: a 12 MP photo in a fraction
        scale = max(width, height) / DISPLAY_MAX
        if scale > 1:
            image.draft("RGB", (int(width / scale), int(height / scale)))
    try:
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _refuse(
            QT_TRANSLATE_NOOP("UserError", "{name} is damaged or cut short; send it again."), name
        ) from None
    ImageOps.exif_transpose(image, in_place=True)  # upright, as the phone showed it
    shown = image
    if max(shown.size) > DISPLAY_MAX * 5 // 4:  # a little larger is fine: spare a resample
        shown.thumbnail((DISPLAY_MAX, DISPLAY_MAX), Image.Resampling.BICUBIC, reducing_gap=2.0)
    shown.info = {}  # drop XMP and comments: they may carry the location too
    exif.pop(GPS_IFD, None)
    exif.pop(ORIENTATION, None)
    extra: dict[str, object] = {"exif": exif.tobytes()} if len(exif) else {}
    if icc:
        extra["icc_profile"] = icc
    alpha = shown.mode in ("RGBA", "LA") or (shown.mode == "P" and "transparency" in image.info)
    if alpha:
        shown = shown.convert("RGBA")
        display, display_mime = _encode(shown, "PNG", **extra), "image/png"
        flat = Image.new("RGB", shown.size, "white")
        flat.paste(shown, mask=shown.getchannel("A"))
    else:
        flat = shown if shown.mode == "RGB" else shown.convert("RGB")
        display = _encode(flat, "JPEG", quality=85, **extra)
        display_mime = "image/jpeg"
    flat.thumbnail((THUMB_MAX, THUMB_MAX), Image.Resampling.BILINEAR, reducing_gap=2.0)
    return PreparedPhoto(
        original=data,
        filename=name[:200],
        sha256=hashlib.sha256(data).hexdigest(),
        mime=mime,
        width=width,
        height=height,
        display=display,
        display_mime=display_mime,
        thumbnail=_encode(flat, "JPEG", quality=80),
    )


def prepare_file(path: Path) -> PreparedPhoto:
    """A photo file read and checked (before any transaction); unreadable → refused, why.

    Only a regular file is read, and never more than MAX_BYTES + 1 bytes: a device such
    as /dev/zero reports size 0 and would otherwise be read until memory runs out.
    """
    try:
        # O_NONBLOCK: opening a named pipe must not hang before we can look at what it is
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _refuse(
                    QT_TRANSLATE_NOOP("UserError", "{name} is not a photo file."), str(path)
                )
            if info.st_size > MAX_BYTES:  # a video picked by mistake is not even read
                raise _too_large(path.name, info.st_size)
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("UserError", "Cannot read {path}: {reason}"),
            path=str(path),
            reason=os_reason(exc),
        ) from None
    if len(data) > MAX_BYTES:  # it grew while we read it
        raise _too_large(path.name, len(data))
    return prepare(data, path.name)


def attach(
    session: Session,
    actor: Actor,
    case: Case,
    photo: PreparedPhoto | bytes,
    filename: str = "",
    *,
    inspection: bool = False,
) -> CasePhoto:
    """Add one photo to a loaded case (the caller audits the step)."""
    user = require(session, actor, Action.CASE_PHOTO, case)
    prepared = photo if isinstance(photo, PreparedPhoto) else prepare(photo, filename)
    same = session.execute(
        select(CasePhoto.added_by, CasePhoto.added_at).where(
            CasePhoto.case_id == case.id, CasePhoto.sha256 == prepared.sha256
        )
    ).first()
    if same:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "{name} is already on case {case_no} (added by {who} at {time}).",
            ),
            name=prepared.filename,
            case_no=case.case_no,
            who=same[0],
            time=short_time(same[1]),
        )
    row = CasePhoto(
        case_id=case.id,
        purpose=(PhotoPurpose.INSPECTION if inspection else PhotoPurpose.CLAIM).value,
        sha256=prepared.sha256,
        size=len(prepared.original),
        mime=prepared.mime,
        width=prepared.width,
        height=prepared.height,
        filename=prepared.filename,
        original=prepared.original,
        display=prepared.display,
        display_mime=prepared.display_mime,
        thumbnail=prepared.thumbnail,
        added_by_id=user.id,
        added_by=user.display_name,
        added_at=db_now(session),
    )
    session.add(row)
    session.flush()
    return row


def add_photos(
    session: Session,
    actor: Actor,
    case_no: str,
    photos: list[PreparedPhoto],
    *,
    expected_version: int | None = None,
) -> CaseDetail:
    """Add photos to a case, all or none. The warehouse's count as inspection photos."""
    from app.services.cases import opening as cases

    case = cases.load(session, case_no, expected_version=expected_version)
    user = require(session, actor, Action.CASE_PHOTO, case)
    # whoever does not handle the customer's claim photographs what arrived
    inspection = capabilities.refusal(Action.CASE_CLAIM, None, user.role_set) is not None
    seen: set[str] = set()
    for photo in photos:
        if photo.sha256 in seen:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "{name} was given twice."), name=photo.filename
            )
        seen.add(photo.sha256)
        attach(session, actor, case, photo, inspection=inspection)
    cases.touch(session, case, actor)
    cases.record(
        session,
        actor,
        "case.photo",
        case,
        photos=[{"sha256": p.sha256, "size": len(p.original), "name": p.filename} for p in photos],
    )
    return cases.get(session, case.case_no)


def photo_bytes(session: Session, photo_id: int, part: str = "display") -> tuple[bytes, str]:
    """The bytes of one photo (original, display copy or thumbnail) and their MIME type."""
    column = {
        "original": (CasePhoto.original, CasePhoto.mime),
        "display": (CasePhoto.display, CasePhoto.display_mime),
        "thumbnail": (CasePhoto.thumbnail, CasePhoto.display_mime),
    }[part]
    row = session.execute(select(*column).where(CasePhoto.id == photo_id)).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no photo #{id}."), id=photo_id)
    data, mime = row
    return bytes(data), ("image/jpeg" if part == "thumbnail" else mime)


def thumbnails(session: Session, case_no: str) -> list[tuple[int, bytes]]:
    """(photo id, JPEG thumbnail) of every photo of a case, in the order they were added."""
    rows = session.execute(
        select(CasePhoto.id, CasePhoto.thumbnail)
        .join(Case, Case.id == CasePhoto.case_id)
        .where(Case.case_no == (case_no or "").strip().upper())
        .order_by(CasePhoto.id)
    )
    return [(pid, bytes(data)) for pid, data in rows]


def verify(session: Session, photo_id: int) -> bool:
    """Does the stored original still hash to the SHA-256 recorded when it was added?"""
    row = session.execute(
        select(CasePhoto.original, CasePhoto.sha256).where(CasePhoto.id == photo_id)
    ).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("UserError", "There is no photo #{id}."), id=photo_id)
    return hashlib.sha256(bytes(row[0])).hexdigest() == row[1]


def open_with_photos(
    session: Session,
    actor: Actor,
    order_no: str,
    kind: CaseType,
    photos: list[PreparedPhoto],
    **fields: Any,
) -> CaseDetail:
    """A case opened together with the customer's photos, all or nothing.

    A quality claim opened this way must come with its evidence (a photo, or the
    "cannot be photographed" exception, and where the defect is): the photos are right
    there. ``cases.open_case`` alone registers a claim first and asks for the evidence
    before anything is promised (the command line without ``--photo``).
    """
    from app.services.cases import opening as cases

    detail = cases.open_case(session, actor, order_no, kind, **fields)
    if photos:
        detail = add_photos(session, actor, detail.case_no, photos)
    cases.require_evidence(session, cases.load(session, detail.case_no))
    return detail
