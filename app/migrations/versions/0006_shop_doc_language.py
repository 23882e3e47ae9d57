"""the language of each shop's printed documents (Chinese, English or both)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# the platforms abroad (app.models.enums.FOREIGN_PLATFORMS when this was written): their
# shops print in English, as a new shop of theirs would; every other shop keeps Chinese
FOREIGN = ("shopify", "amazon", "ebay", "etsy", "woocommerce", "bigcommerce", "magento", "wix")


def upgrade() -> None:
    # plain ADD COLUMN on both databases: every existing shop is kept and gets 'zh'
    op.add_column(
        "shops",
        sa.Column("doc_language", sa.String(length=8), nullable=False, server_default="zh"),
    )
    shops = sa.table("shops", sa.column("platform", sa.String), sa.column("doc_language"))
    op.execute(
        shops.update()
        .where(sa.func.lower(shops.c.platform).in_(FOREIGN))
        .values(doc_language="en")
    )


def downgrade() -> None:
    with op.batch_alter_table("shops", recreate="never") as batch_op:
        batch_op.drop_column("doc_language")
