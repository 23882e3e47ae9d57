"""Bulk loading: text COPY escaping, and indexes/keys rebuilt after a demo load."""

from __future__ import annotations

from sqlalchemy import inspect, select

from app.models import Order, Setting
from app.services.core import bulk, demo
from app.services.orders import lookup as orders


def _schema(db) -> dict[str, tuple]:  # type: ignore[no-untyped-def]
    def read(session):  # type: ignore[no-untyped-def]
        insp = inspect(session.connection())
        return {
            t: (
                sorted((i["name"], tuple(i["column_names"])) for i in insp.get_indexes(t)),
                sorted(fk["name"] or "" for fk in insp.get_foreign_keys(t)),
                tuple(insp.get_pk_constraint(t)["constrained_columns"]),
                sorted(u["name"] or "" for u in insp.get_unique_constraints(t)),
            )
            for t in demo.LOADED_TABLES
        }

    return db.read(read)


def test_values_with_tabs_line_breaks_backslashes_survive(db) -> None:
    values = ["tab\there", "line\nbreak\r\n", "back\\slash", "\\N", "plain 文字", ""]
    rows = [(f"k{i}", v) for i, v in enumerate(values)]
    db.write(lambda s: bulk.insert_rows(s, "settings", ("key", "value"), rows))
    stmt = select(Setting.key, Setting.value).where(Setting.key.like("k%"))
    stored = db.read(lambda s: {key: value for key, value in s.execute(stmt)})
    assert stored == dict(rows)


def test_demo_load_rebuilds_every_index_and_key(db) -> None:
    before = _schema(db)
    db.write(lambda s: demo.fill(s, 120))
    assert _schema(db) == before
    assert db.read(orders.count) == 120
    first = db.read(lambda s: s.execute(select(Order.order_no).order_by(Order.id)).scalar())
    assert db.read(lambda s: orders.find(s, first))[0].order_no == first
