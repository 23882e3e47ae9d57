"""PostgreSQL's two roles: an owner that migrates, an application role that owns nothing.

Whoever owns a table can drop or disable its triggers and truncate it; every PC holds the
application role's password, so that role must own nothing (no table, schema or database),
may not truncate, and may only add to the history: notes, the audit log, task follow-ups,
daily reviews and complaint steps. ``afterdesk init`` runs the
migrations as the owner and then sets these grants (again after every upgrade).
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from app.db import Database
from app.models.errors import DatabaseProblem
from app.models.i18n import QT_TRANSLATE_NOOP

# history: SELECT and INSERT only (append-only by triggers too: migrations 0001, 0007, 0023)
APPEND_ONLY = ("notes", "audit_log", "task_followups", "daily_reviews", "complaint_steps")
READ_ONLY = ("alembic_version",)
EVERY_VERB = "SELECT, INSERT, UPDATE, DELETE"  # never TRUNCATE, REFERENCES or TRIGGER

_OWNED = text(
    """
    SELECT CASE c.relkind WHEN 'S' THEN 'sequence ' ELSE 'table ' END || c.relname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = :role
       AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    UNION ALL
    SELECT 'schema ' || nspname FROM pg_namespace
     WHERE nspname = current_schema() AND pg_get_userbyid(nspowner) = :role
    UNION ALL
    SELECT 'database ' || datname FROM pg_database
     WHERE datname = current_database() AND pg_get_userbyid(datdba) = :role
    """
)


def grant_app_role(db: Database, role: str) -> None:
    """Give the application role exactly what the app needs (PostgreSQL; run as the owner)."""
    with db.engine.begin() as conn:
        _check(conn, role)  # again: the migrations may have run under another owner
        quote = conn.dialect.identifier_preparer.quote
        who = quote(role)
        schema = quote(conn.execute(text("SELECT current_schema()")).scalar_one())
        conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {who}"))
        conn.execute(text(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {who}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {who}"))
        # before PostgreSQL 15 everyone may create in public: tables of its own, at least
        conn.execute(text(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC"))
        tables = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
        for table in tables:
            verbs = (
                "SELECT, INSERT"
                if table in APPEND_ONLY
                else "SELECT"
                if table in READ_ONLY
                else EVERY_VERB
            )
            conn.execute(text(f"GRANT {verbs} ON {schema}.{quote(table)} TO {who}"))
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {who}"))


def check_app_role(db: Database, role: str) -> None:
    """Before migrating: refuse an application role that could undo what the owner sets."""
    with db.engine.begin() as conn:
        _check(conn, role)


def _check(conn: Connection, role: str) -> None:
    row = conn.execute(
        text("SELECT rolsuper, rolname = current_user FROM pg_roles WHERE rolname = :role"),
        {"role": role},
    ).first()
    if row is None:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The application role {role} does not exist on the server: create it first "
                "(README, “A team on several PCs”).",
            ),
            role=role,
        )
    if row[0] or row[1]:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The application role {role} must be neither a superuser nor the owner who "
                "runs init: every PC holds its password.",
            ),
            role=role,
        )
    owned = conn.execute(_OWNED, {"role": role}).scalars().all()
    if owned:
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "UserError",
                "The application role {role} owns {things}, so it could drop the triggers "
                "that keep notes and the audit log append-only. As a superuser, give them to "
                "the owner (REASSIGN OWNED BY {role} TO {owner}; ALTER DATABASE … OWNER TO "
                "{owner}) and run init again.",
            ),
            role=role,
            owner=conn.execute(text("SELECT current_user")).scalar_one(),
            things=", ".join(owned[:5]) + ("…" if len(owned) > 5 else ""),
        )
