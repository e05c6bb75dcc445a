"""month_snapshot: approving a month stores its figures (issue 9: approved months that do not drift).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 23:00:00
"""
import sqlalchemy as sa
from alembic import op


revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "month_snapshot",
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("approved_by", sa.String(length=64), nullable=False),
        sa.Column("approved_at", sa.String(length=32), nullable=False),
        sa.Column("statistics", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("period", "revision"),
    )


def downgrade() -> None:
    op.drop_table("month_snapshot")
