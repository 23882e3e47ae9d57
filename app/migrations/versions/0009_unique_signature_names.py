"""signature names unique among staff (users.signature_key)

Notes are signed with the display name, so two staff called 陈静 sign alike. An old
database may already hold such a pair: the migration must not fail on it. The account
created first keeps its name; each later one is renamed "NAME (username)", so what it
signs from now on names it; notes signed before stay as written (they are append-only).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _key(name: str) -> str:  # the same folding as app.services.core.accounts.signature_key
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def upgrade() -> None:
    # plain ADD COLUMN (no table rebuild: user_roles and audit rows point at users)
    op.add_column("users", sa.Column("signature_key", sa.String(length=128), nullable=True))
    users = sa.table(
        "users",
        sa.column("id", sa.Integer),
        sa.column("username", sa.String),
        sa.column("display_name", sa.String),
        sa.column("signature_key", sa.String),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(users.c.id, users.c.username, users.c.display_name).order_by(users.c.id)
    ).all()
    taken: set[str] = set()
    for user_id, username, name in rows:
        key = _key(name)
        if key in taken:
            name = f"{name} ({username})"[:64]
            key = _key(name)
        taken.add(key)
        conn.execute(
            sa.update(users)
            .where(users.c.id == user_id)
            .values(display_name=name, signature_key=key)
        )
    op.create_index("ix_users_signature_key", "users", ["signature_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_users_signature_key", table_name="users")
    op.drop_column("users", "signature_key")  # SQLite 3.35+ drops a column in place
