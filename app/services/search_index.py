"""Bigram index of recipient names: finds any 2+ character part of a name at once.

A trigram index misses the two-character Chinese queries staff type most
(“小明” of “王小明”); every bigram of the casefolded name goes into
``name_grams`` and a query intersects the posting lists of its bigrams.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.models import NameGram


def grams(key: str) -> set[str]:
    """Bigrams of a name key; a one-character name is its own gram."""
    if len(key) < 2:
        return {key} if key else set()
    return {key[i : i + 2] for i in range(len(key) - 1)}


def gram_rows(order_id: int, key: str) -> Iterable[tuple[str, int]]:
    return ((g, order_id) for g in sorted(grams(key)))


def reindex(session: Session, order_id: int, key: str) -> None:
    """Replace one order's grams (after a recipient change)."""
    session.execute(delete(NameGram).where(NameGram.order_id == order_id))
    rows = [{"gram": g, "order_id": oid} for g, oid in gram_rows(order_id, key)]
    if rows:
        session.execute(insert(NameGram), rows)


def candidate_ids(session: Session, query_key: str, limit: int) -> list[int]:
    """Newest order ids whose names hold every bigram of the query (a superset of the hits)."""
    wanted = sorted(grams(query_key), key=len, reverse=True)
    if not wanted:
        return []
    first, *rest = wanted
    base = NameGram.__table__.alias("g0")
    stmt = select(base.c.order_id).where(base.c.gram == first)
    for i, gram in enumerate(rest, start=1):
        other = NameGram.__table__.alias(f"g{i}")
        stmt = stmt.join(other, (other.c.order_id == base.c.order_id) & (other.c.gram == gram))
    stmt = stmt.order_by(base.c.order_id.desc()).limit(limit)
    return list(session.execute(stmt).scalars())
