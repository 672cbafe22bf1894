"""notes can be retracted (kept, marked, hidden from the list)

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clue_notes") as batch:
        batch.add_column(sa.Column("retracted_at", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("retracted_by", sa.String(length=100), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clue_notes") as batch:
        batch.drop_column("retracted_by")
        batch.drop_column("retracted_at")
