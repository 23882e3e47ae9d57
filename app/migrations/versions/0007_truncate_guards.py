"""notes and the audit log refuse TRUNCATE too (PostgreSQL)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

APPEND_ONLY = ("notes", "audit_log")


def upgrade() -> None:
    # Row triggers do not fire on TRUNCATE: without these, emptying notes bypassed 0001's
    # append-only guard. SQLite has no TRUNCATE (its DELETE fires the row triggers).
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
