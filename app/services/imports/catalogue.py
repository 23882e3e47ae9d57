"""The shop's SKUs: kept from every import of orders, and imported from a products export
(Shopify), each chunk its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db import Database, db_now
from app.models import (
    CatalogueItem,
    ImportRun,
)
from app.models.errors import InvalidInput
from app.models.i18n import QT_TRANSLATE_NOOP
from app.services.core import bulk
from app.services.core.actor import Actor, require
from app.services.core.capabilities import Action
from app.services.imports import shops
from app.services.imports.chunks import LIMITS, RefusedLine, refused_line
from app.services.imports.records import (
    ImportedItem,
    RefusedRow,
)
from app.services.imports.runs import file_sha256, finish, new_run, stored


def keep_skus(session: Session, shop_id: int, items: Iterable[ImportedItem], now: datetime) -> None:
    """Every SKU seen, with its latest title and attributes."""
    seen: dict[str, ImportedItem] = {}
    for item in items:
        if item.sku:
            seen[item.sku] = item
    if not seen:
        return
    known = {
        c.sku: c
        for c in session.execute(
            select(CatalogueItem).where(
                CatalogueItem.shop_id == shop_id, bulk.among(session, CatalogueItem.sku, list(seen))
            )
        ).scalars()
    }
    fresh = []
    for sku, item in seen.items():
        entry = known.get(sku)
        if entry is None:
            fresh.append(
                {
                    "shop_id": shop_id,
                    "sku": sku,
                    "title": item.title,
                    "attributes": dict(item.attributes),
                    "barcode": "",
                    "updated_at": now,
                }
            )
        elif entry.title != item.title or entry.attributes != dict(item.attributes):
            entry.title, entry.attributes, entry.updated_at = item.title, dict(item.attributes), now
    if fresh:
        session.execute(insert(CatalogueItem), fresh)


# -- the products export (Shopify) -----------------------------------------------------------
@dataclass
class CatalogueSummary:
    shop: str
    file: str
    sha256: str
    new: int
    updated: int
    unchanged: int
    refused: list[RefusedLine]
    already_imported: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "shop": self.shop,
            "file": self.file,
            "sha256": self.sha256,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused": len(self.refused),
            "refused_rows": [r.to_json() for r in self.refused],
            "already_imported": self.already_imported,
        }


def import_catalogue(
    db: Database, actor: Actor, path: Path, *, shop: str | None = None, chunk: int = 2000
) -> CatalogueSummary:
    """The shop's SKUs from a products export (Shopify), each chunk its own transaction."""
    from app.services.imports.reading import open_catalogue

    reading = open_catalogue(Path(path))
    sha = file_sha256([Path(path)])

    def start(session: Session) -> tuple[int, str, int, bool]:
        user = require(session, actor, Action.IMPORT_CATALOGUE)
        row, _created = shops.for_import(session, actor, shop, "shopify")
        done = session.execute(
            select(ImportRun.id).where(
                ImportRun.kind == "catalogue",
                ImportRun.shop_id == row.id,
                ImportRun.sha256 == sha,
                ImportRun.finished.is_(True),
            )
        ).first()
        now = db_now(session)
        run = new_run("catalogue", row.id, "shopify", [reading.file], sha, user, now)
        run.finished = bool(done)
        if done:
            return 0, row.name, row.id, True
        session.add(run)
        session.flush()
        return run.id, row.name, row.id, False

    run_id, shop_name, shop_id, done = db.write(start)
    summary = CatalogueSummary(shop_name, reading.file, sha, 0, 0, 0, [], already_imported=done)
    if done:
        return summary

    def write(session: Session, entries: list[Any], refused: list[RefusedLine]) -> None:
        require(session, actor, Action.IMPORT_CATALOGUE)
        now = db_now(session)
        by_sku = {e.sku: e for e in entries}
        known = {
            c.sku: c
            for c in session.execute(
                select(CatalogueItem).where(
                    CatalogueItem.shop_id == shop_id, CatalogueItem.sku.in_(list(by_sku))
                )
            ).scalars()
        }
        for sku, entry in by_sku.items():
            item = known.get(sku)
            if item is None:
                session.add(
                    CatalogueItem(
                        shop_id=shop_id,
                        sku=sku,
                        title=entry.title,
                        attributes=dict(entry.attributes),
                        barcode=entry.barcode,
                        updated_at=now,
                    )
                )
                summary.new += 1
            elif (item.title, item.attributes, item.barcode) != (
                entry.title,
                dict(entry.attributes),
                entry.barcode,
            ):
                item.title, item.attributes = entry.title, dict(entry.attributes)
                item.barcode, item.updated_at = entry.barcode, now
                summary.updated += 1
            else:
                summary.unchanged += 1
        run = session.get(ImportRun, run_id)
        assert run is not None
        run.records_done += len(entries) + len(refused)
        run.new, run.updated, run.unchanged = summary.new, summary.updated, summary.unchanged
        run.refused += len(refused)
        run.refused_rows = [*run.refused_rows, *(stored(r) for r in refused)]
        run.updated_at = now

    entries: list[Any] = []
    refused: list[RefusedLine] = []
    for record in reading.records:
        if isinstance(record, RefusedRow):
            refused.append(refused_line(record))
        elif len(record.sku) > LIMITS["sku"] or len(record.title) > LIMITS["title"]:
            problem = InvalidInput(
                QT_TRANSLATE_NOOP("UserError", "SKU {sku}: the SKU or its title is too long."),
                sku=record.sku[:64],
            )
            refused.append(RefusedLine(0, record.sku[:64], problem.message(), problem))
        else:
            entries.append(record)
        if len(entries) >= chunk:
            db.write(partial(write, entries=entries, refused=refused))
            summary.refused.extend(refused)
            entries, refused = [], []
    db.write(partial(write, entries=entries, refused=refused))
    summary.refused.extend(refused)
    db.write(lambda s: finish(s, run_id))
    return summary
