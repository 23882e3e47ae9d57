"""A shop's column mapping for "any other CSV or XLSX", saved once and used next time.

The mapping ({field: header}, fields from ``formats.mapped.FIELDS``) is kept in a settings
row per shop id, so it survives a rename. A file whose format is not recognised is read with
the chosen shop's saved mapping when the file has every header it names (docs/imports.md).
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Setting, Shop
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import audit
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.imports import reading, shops
from app.services.imports.formats import mapped, taobao
from app.services.imports.records import FormatId
from app.services.imports.sources import open_source


def _key(shop_id: int) -> str:
    return f"import.mapping.{shop_id}"


def file_headers(path: Path) -> list[str]:
    """The file's column names (its first row), for the mapping dialog."""
    source = open_source(Path(path))
    try:
        return list(source.headers)
    finally:
        close = getattr(source.rows, "close", None)
        if close is not None:
            close()


def _shop(session: Session, name: str | None) -> Shop | None:
    clean = (name or "").strip()
    if not clean:
        return None
    return session.execute(select(Shop).where(Shop.name == clean)).scalar_one_or_none()


def saved(session: Session, actor: Actor, shop: str | None) -> dict[str, str]:
    """The shop's saved mapping; empty when it has none (or the shop is not there yet)."""
    require(session, actor, Action.IMPORT_ORDERS)
    found = _shop(session, shop)
    setting = session.get(Setting, _key(found.id)) if found is not None else None
    if setting is None:
        return {}
    value = json.loads(setting.value)
    return {str(field): str(header) for field, header in value.items()}


def save(
    session: Session,
    actor: Actor,
    shop: str | None,
    mapping: dict[str, str],
    *,
    file: str,
    headers: list[str],
) -> dict[str, str]:
    """Check the mapping against the fields and the file's headers, and keep it for the shop.

    A shop not there yet is made (as by its first import): the mapping belongs to it.
    """
    require(session, actor, Action.IMPORT_ORDERS)
    if not (shop or "").strip():
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "UserError",
                "Name the shop this file belongs to: its column mapping is kept per shop.",
            )
        )
    clean = {
        field: header.strip() for field, header in mapping.items() if header and header.strip()
    }
    mapped.check_headers(file, headers, clean)
    row, _made = shops.for_import(session, actor, shop, reading.PLATFORM[FormatId.MAPPED])
    setting = session.get(Setting, _key(row.id))
    before = json.loads(setting.value) if setting is not None else None
    if before == clean:
        return clean
    value = json.dumps(clean, ensure_ascii=False, sort_keys=True)
    if setting is None:
        session.add(Setting(key=_key(row.id), value=value))
    else:
        setting.value = value
    session.flush()
    audit.record(
        session,
        actor_id=actor.user_id,
        actor_name=actor.display_name,
        action="import.mapping",
        entity="shop",
        entity_key=row.name,
        before=before,
        after=clean,
    )
    return clean


def for_file(
    session: Session,
    actor: Actor,
    paths: list[Path],
    shop: str | None,
    format: FormatId | None = None,
) -> dict[str, str] | None:
    """The saved mapping to read these files with, or None to detect their format.

    Used when the format is ``mapped``, or not chosen and not recognised from the headers
    while the file has every header the shop's mapping names.
    """
    if format not in (None, FormatId.MAPPED) or len(paths) != 1:
        return None
    mapping = saved(session, actor, shop)
    if format is FormatId.MAPPED:
        return mapping or None
    if not mapping:
        return None
    headers = file_headers(paths[0])
    if reading.detect(headers) is not None or taobao.is_items_file(headers):
        return None
    return mapping if all(header in headers for header in mapping.values()) else None
