"""Timeliness by the sender's signed creation time; a reporting start per enrolled office.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 23:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    with op.batch_alter_table("received_bundle", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_at", sa.String(length=32), nullable=True))
    with op.batch_alter_table("imported_statistics", schema=None) as batch_op:
        batch_op.add_column(sa.Column("first_sent_at", sa.String(length=32), nullable=True))
    with op.batch_alter_table("enrolled_office", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reporting_start", sa.String(length=7), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enrolled_office", schema=None) as batch_op:
        batch_op.drop_column("reporting_start")
    with op.batch_alter_table("imported_statistics", schema=None) as batch_op:
        batch_op.drop_column("first_sent_at")
    with op.batch_alter_table("received_bundle", schema=None) as batch_op:
        batch_op.drop_column("created_at")
