"""Fast loading of many rows: the demo shop and, later, order imports.

The ORM costs far more per row than the databases do: SQLite gets one
``executemany`` per table, PostgreSQL a text ``COPY`` whose lines are built
here (psycopg's per-row ``write_row`` costs more than the server does).

``loading(session, tables)`` makes a load into *empty* tables several times
faster: their indexes (and on PostgreSQL their keys and foreign keys) are
dropped inside the loading transaction and rebuilt once at the end, each by one
sort instead of a million random B-tree inserts; PostgreSQL writes the rows
frozen (``COPY FREEZE``), so index-only scans need no VACUUM; and both
databases get fresh statistics (``ANALYZE``). Everything happens in the
caller's transaction: a failure rolls the schema back with the rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, String, any_, bindparam, text
from sqlalchemy.orm import InstrumentedAttribute, Session

SQLITE_LOAD_CACHE_KIB = 512 * 1024  # page cache while loading (memory is only taken as used)
PG_MAINTENANCE_MEM = "256MB"  # sort memory for rebuilding the indexes
_FREEZE = "afterdesk_bulk_freeze"  # session.info key: tables COPY may write frozen
_COPY_SPECIAL = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def insert_rows(
    session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    raw = session.connection().connection.driver_connection
    assert raw is not None
    if session.get_bind().dialect.name == "sqlite":
        marks = ", ".join("?" for _ in columns)
        raw.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        return
    freeze = " WITH (FREEZE)" if table in session.info.get(_FREEZE, ()) else ""
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN{freeze}"
    with raw.cursor() as cur, cur.copy(sql) as copy:
        copy.write(_copy_text(rows, len(columns)))


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError("naive datetime given; use an aware UTC datetime")
    return str(value).translate(_COPY_SPECIAL)


def _copy_text(rows: Iterable[Sequence[Any]], width: int) -> str:
    """Rows in COPY's text format, one ``join`` per row in the common case.

    The quick line is kept only if no string in the row held a tab, a line break or a
    backslash (the only backslashes are then the ``\\N`` of its NULLs); else the row
    is escaped value by value.
    """
    tabs = width - 1
    lines = []
    for row in rows:
        line = "\t".join([v if v.__class__ is str else _copy_value(v) for v in row])
        if (
            line.count("\t") != tabs
            or "\n" in line
            or "\r" in line
            or line.count("\\") != row.count(None)
        ):
            line = "\t".join([_copy_value(v) for v in row])
        lines.append(line)
    lines.append("")
    return "\n".join(lines)


@contextlib.contextmanager
def loading(session: Session, tables: Sequence[str]) -> Iterator[None]:
    """Load many rows into ``tables``; fastest when they are all empty (see module doc)."""
    if session.get_bind().dialect.name == "sqlite":
        with _sqlite_loading(session, tables):
            yield
    else:
        with _pg_loading(session, tables):
            yield


def _all_empty(session: Session, tables: Sequence[str]) -> bool:
    return not any(
        session.execute(text(f"SELECT EXISTS (SELECT 1 FROM {t})")).scalar_one() for t in tables
    )


@contextlib.contextmanager
def _sqlite_loading(session: Session, tables: Sequence[str]) -> Iterator[None]:
    pragma = session.connection().exec_driver_sql
    cache = pragma("PRAGMA cache_size").scalar_one()
    pragma(f"PRAGMA cache_size=-{SQLITE_LOAD_CACHE_KIB}")
    try:
        indexes: list[tuple[str, str]] = []
        if _all_empty(session, tables):
            marks = ", ".join("?" for _ in tables)
            indexes = list(
                pragma(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                    f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY name",
                    tuple(tables),
                ).all()
            )
            for name, _sql in indexes:
                pragma(f'DROP INDEX "{name}"')
        yield
        for _name, sql in indexes:
            pragma(sql)
        # sampled statistics: a second, not a full pass over every index
        limit = pragma("PRAGMA analysis_limit").scalar_one()
        pragma("PRAGMA analysis_limit=2000")
        for table in tables:
            pragma(f"ANALYZE {table}")
        pragma(f"PRAGMA analysis_limit={int(limit)}")
    finally:
        pragma(f"PRAGMA cache_size={int(cache)}")


@contextlib.contextmanager
def _pg_loading(session: Session, tables: Sequence[str]) -> Iterator[None]:
    run = session.execute
    run(text(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE"))
    if not _all_empty(session, tables):
        yield
        for table in tables:
            run(text(f"ANALYZE {table}"))
        return
    run(text(f"SET LOCAL maintenance_work_mem = '{PG_MAINTENANCE_MEM}'"))
    oids = [run(text("SELECT to_regclass(:t)::oid"), {"t": t}).scalar_one() for t in tables]
    constraints = run(
        text(
            "SELECT c.conrelid::regclass::text, c.conname, c.contype, "
            "pg_get_constraintdef(c.oid), c.conrelid = ANY(:oids) "
            "FROM pg_constraint c "
            "WHERE c.contype IN ('p', 'u', 'f') "
            "AND (c.conrelid = ANY(:oids) OR (c.contype = 'f' AND c.confrelid = ANY(:oids)))"
        ),
        {"oids": oids},
    ).all()
    # a key that a table outside the load refers to must stay, and so must its rows
    outside = any(c[2] == "f" and not c[4] for c in constraints)
    dropped = [c for c in constraints if c[4] and (c[2] == "f" or not outside)]
    indexes = run(
        text(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = ANY(:oids) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))"
        ),
        {"oids": oids},
    ).all()
    for table, name, _kind, _definition, _inside in sorted(dropped, key=lambda c: c[2] != "f"):
        run(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
    for name, _definition in indexes:
        run(text(f"DROP INDEX {name}"))
    if not outside:
        # emptied in this transaction, so COPY may write the rows frozen and all-visible
        run(text(f"TRUNCATE {', '.join(tables)}"))
        session.info[_FREEZE] = frozenset(tables)
    try:
        yield
    finally:
        session.info.pop(_FREEZE, None)
    for table, name, kind, definition, _inside in dropped:
        if kind != "f":
            run(text(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
    for _name, definition in indexes:
        run(text(definition))
    for table, name, kind, definition, _inside in dropped:
        if kind == "f":
            run(text(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
    for table in tables:
        run(text(f"ANALYZE {table}"))


def next_id(session: Session, table: str) -> int:
    return int(session.execute(text(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")).scalar_one())


def next_ids(session: Session, tables: Sequence[str]) -> list[int]:
    """``next_id`` of each table, in one round trip."""
    columns = ", ".join(f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {t})" for t in tables)
    return [int(v) for v in session.execute(text(f"SELECT {columns}")).one()]


def sync_sequences(session: Session, tables: Sequence[str]) -> None:
    """``sync_sequence`` of each table, in one round trip."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                "SELECT "
                + ", ".join(
                    f"setval(pg_get_serial_sequence('{t}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {t}))"
                    for t in tables
                )
            )
        )


def sync_sequence(session: Session, table: str) -> None:
    """After rows were given explicit ids, PostgreSQL's sequence must move past them."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
        )


def among(
    session: Session, column: InstrumentedAttribute[str], values: Sequence[str]
) -> ColumnElement[bool]:
    """``column IN values`` for a chunk's hundreds of values. PostgreSQL gets them as one
    array (``= ANY``): one statement text, prepared once, instead of a parameter per value
    that psycopg parses and the server plans again for each chunk. SQLite has no arrays."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(String)))
    return column.in_(values)
