"""PostgreSQL with two roles: the owner migrates, the application role cannot rewrite history.

Every PC holds the application role's password; it owns nothing, may not truncate, disable
triggers or delete notes and audit entries, and still does the day's work.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError

from app.db import Database
from app.models import CaseType, Role
from app.services.cases import opening as cases
from app.services.core import audit
from app.services.core.actor import Actor
from app.services.dispatch import batches as printing
from app.services.orders import notes
from tests.case_helpers import shipped_orders
from tests.conftest import PG_URL, demo_actors
from tests.test_cli import afterdesk
from tests.test_supervision_history import add_history


@pytest.fixture
def roles() -> Iterator[dict[str, str]]:
    """An owner and an application role (unique names), and a schema the owner owns."""
    tag = uuid.uuid4().hex[:10]
    owner, app, schema = f"ad_owner_{tag}", f"ad_app_{tag}", f"roles_{tag}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{owner}" LOGIN'))
        conn.execute(text(f'CREATE ROLE "{app}" LOGIN'))
        conn.execute(text(f'CREATE SCHEMA "{schema}" AUTHORIZATION "{owner}"'))

    def url(role: str) -> str:
        return (
            make_url(PG_URL)
            .set(username=role, query={"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )

    try:
        yield {"owner": url(owner), "app": url(app), "app_role": app, "schema": schema}
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            for role in (app, owner):
                conn.execute(text(f'DROP OWNED BY "{role}"'))
                conn.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


REFUSED = (
    "TRUNCATE notes",
    "TRUNCATE audit_log",
    "ALTER TABLE notes DISABLE TRIGGER USER",
    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
    "DROP TRIGGER notes_append_only ON notes",
    "DELETE FROM notes",
    "UPDATE notes SET text = 'x'",
    "UPDATE audit_log SET actor_name = 'x'",
    "DROP TABLE print_batches CASCADE",
    # the supervision's history (issue 13): reminders, reviews, complaint steps
    *(
        sql.format(table)
        for table in ("task_followups", "daily_reviews", "complaint_steps")
        for sql in ("UPDATE {} SET by_name = 'x'", "DELETE FROM {}", "TRUNCATE {} CASCADE")
    ),
)


def test_app_role_works_but_cannot_rewrite_history(roles, tmp_path) -> None:
    init = afterdesk(roles["app"], "init", "--owner-url", roles["owner"])
    assert init.returncode == 0, init.stderr
    loaded = afterdesk(roles["owner"], "demo", "--orders", "40")
    assert loaded.returncode == 0, loaded.stderr

    db = Database(roles["app"])
    try:
        staff = demo_actors(db)
        order_no = shipped_orders(db, 1)[0]
        db.write(lambda s: notes.add(s, staff[Role.PRESALES], order_no, "客户来电"))
        db.write(lambda s: cases.open_case(s, staff[Role.AFTERSALES], order_no, CaseType.RETURN))
        batch = printing.run_batch(db, staff[Role.PRINTER], out=tmp_path / "b.pdf", cutoff="")
        assert batch.printed and (tmp_path / "b.pdf").exists()
        _supervise(db, staff, order_no)
        for sql in REFUSED:
            with (
                pytest.raises(DBAPIError, match=r"permission denied|must be owner"),
                db.engine.begin() as conn,
            ):
                conn.execute(text(sql))
        assert db.read(audit.verify).ok
    finally:
        db.dispose()

    owner = create_engine(roles["owner"])
    try:  # the owner is refused too: the triggers hold until it drops them on purpose
        for table in ("notes", "audit_log", "task_followups", "daily_reviews", "complaint_steps"):
            with pytest.raises(DBAPIError, match="append-only"), owner.begin() as conn:
                conn.execute(text(f"TRUNCATE {table} CASCADE"))
    finally:
        owner.dispose()


def _supervise(db: Database, staff: dict[Role, Actor], order_no: str) -> None:
    """The supervisor's day through the application role: it only ever adds to its history."""
    add_history(db, staff, order_no)
    with db.engine.connect() as conn:
        rows = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("task_followups", "daily_reviews", "complaint_steps")}  # fmt: skip
    assert rows == {"task_followups": 2, "daily_reviews": 1, "complaint_steps": 2}


def test_init_refuses_an_app_role_that_owns_a_table(roles) -> None:
    """The one-role set-up of old: the app's role owned the tables, so it could drop triggers."""
    assert afterdesk(roles["app"], "init", "--owner-url", roles["owner"]).returncode == 0
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'ALTER TABLE "{roles["schema"]}".notes OWNER TO "{roles["app_role"]}"'))
    admin.dispose()
    init = afterdesk(roles["app"], "init", "--owner-url", roles["owner"])
    assert init.returncode != 0 and "owns table notes" in init.stderr, init.stderr
    assert "REASSIGN OWNED BY" in init.stderr
    alone = afterdesk(roles["owner"], "init", "--owner-url", roles["owner"])  # one role for both
    assert alone.returncode != 0 and "neither a superuser nor the owner" in alone.stderr
