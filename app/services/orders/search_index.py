"""Bigram index of recipient names: finds any 2+ character part of a name at once.

A trigram index misses the two-character Chinese queries staff type most
(“小明” of “王小明”); every bigram of the casefolded name goes into
``name_grams`` and a query intersects the posting lists of its bigrams.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.models import NameGram

COUNT_CAP = 256  # postings counted per bigram when choosing which ones drive a search
JOINED = 5  # bigrams joined in a candidate query, rarest first


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


def gram_counts(session: Session, wanted: Iterable[str], cap: int = COUNT_CAP) -> dict[str, int]:
    """How many names hold each bigram, counted up to ``cap``: one round trip of index probes."""
    wanted = sorted(set(wanted))
    if not wanted:
        return {}
    table = NameGram.__table__
    columns = [
        select(func.count())
        .select_from(select(table.c.order_id).where(table.c.gram == gram).limit(cap).subquery())
        .scalar_subquery()
        for gram in wanted
    ]
    return dict(zip(wanted, session.execute(select(*columns)).one(), strict=True))


def candidate_ids(
    session: Session, query_key: str, limit: int, *, before: int | None = None
) -> list[int]:
    """Newest order ids whose names hold every bigram of the query (a superset of the hits).

    The rarest bigrams drive the query and a bigram no name holds ends it at once: a
    search that can find nothing (a mistyped number, a stranger's name) costs a handful
    of index probes. Only the ``JOINED`` rarest bigrams are joined; the caller checks
    the name itself, so the rest would only make the query dearer to plan and run.
    ``before`` continues below an order id, for the next batch.
    """
    counts = gram_counts(session, grams(query_key))
    if not counts or min(counts.values()) == 0:
        return []
    first, *rest = sorted(counts, key=lambda g: (counts[g], g))[:JOINED]
    base = NameGram.__table__.alias("g0")
    stmt = select(base.c.order_id).where(base.c.gram == first)
    for i, gram in enumerate(rest, start=1):
        other = NameGram.__table__.alias(f"g{i}")
        stmt = stmt.join(other, (other.c.order_id == base.c.order_id) & (other.c.gram == gram))
    if before is not None:
        stmt = stmt.where(base.c.order_id < before)
    stmt = stmt.order_by(base.c.order_id.desc()).limit(limit)
    return list(session.execute(stmt).scalars())
