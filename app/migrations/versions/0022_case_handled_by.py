"""Who handles a case when that is not who opened it: the after-sales person who linked a
parcel the warehouse registered unannounced owns its refund tasks and their score proposals.
Cases already linked take the linker from the audit log.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; Alembic would copy the table
        op.execute("ALTER TABLE cases ADD COLUMN handled_by_id INTEGER REFERENCES users (id)")
    else:
        op.add_column("cases", sa.Column("handled_by_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_cases_handled_by_id_users"), "cases", "users", ["handled_by_id"], ["id"]
        )
    # the last link of each linked unannounced parcel names who took it over
    op.execute(
        "UPDATE cases SET handled_by_id = ("
        " SELECT a.actor_id FROM audit_log a"
        " WHERE a.entity = 'case' AND a.entity_key = cases.case_no AND a.action = 'case.link'"
        " ORDER BY a.id DESC LIMIT 1)"
        " WHERE unannounced AND order_id IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch_op:
        batch_op.drop_column("handled_by_id")
