"""A swap is asked by the two people: the colleague's agreement (``roster_swaps.agreed_at``)
comes between the request and the supervisor's approval; a swap can be withdrawn (the new
states ``agreed`` and ``withdrawn`` fit the existing column). Swaps still waiting stay
``requested``: nothing recorded that the colleague agreed, so they ask the colleague first.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("roster_swaps", sa.Column("agreed_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    # the states the older version does not know: an agreed swap waits for the supervisor
    # again, a withdrawn one reads as refused
    op.execute("UPDATE roster_swaps SET state = 'requested' WHERE state = 'agreed'")
    op.execute("UPDATE roster_swaps SET state = 'refused' WHERE state = 'withdrawn'")
    with op.batch_alter_table("roster_swaps") as batch_op:
        batch_op.drop_column("agreed_at")
