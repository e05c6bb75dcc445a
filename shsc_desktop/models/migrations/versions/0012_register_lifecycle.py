"""Every register keeps the reason a record was deleted, as incidents already did.

Adds ``referral.deleted_reason`` and ``meeting.deleted_reason`` (``services.lifecycle``: one
delete-with-reason for the four registers). Records deleted before this revision keep their reason
in the audit log only; their column is empty.

Revision ID: 0012
Revises: 0011 (return notices)
Create Date: 2026-12-02 05:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = ("referral", "meeting")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("deleted_reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    # SQLite drops the column in place (a batch copy of the table would trip the foreign keys).
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN deleted_reason")
