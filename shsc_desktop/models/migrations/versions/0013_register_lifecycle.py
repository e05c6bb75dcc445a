"""Every register keeps the reason a record was deleted; the action points are read from indexes.

Adds ``referral.deleted_reason`` and ``meeting.deleted_reason`` (``services.lifecycle``: one
delete-with-reason for the four registers). Records deleted before this revision keep their reason
in the audit log only; their column is empty.

The month's action points (a stock over every meeting held by the month's end) read every meeting
row and every item row of the office's history. Two covering indexes let them read index entries
only: ``ix_meeting_held`` (meeting_date, deleted, id) and ``ix_action_item_meeting_status``
(meeting_id, status, due_date), which replaces ``ix_action_item_meeting_id`` (its first column).

Revision ID: 0013
Revises: 0012 (case worker)
Create Date: 2026-12-02 05:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"

TABLES = ("referral", "meeting")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("deleted_reason", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_meeting_held", "meeting", ["meeting_date", "deleted", "id"])
    op.drop_index("ix_action_item_meeting_id", table_name="action_item")
    op.create_index("ix_action_item_meeting_status", "action_item", ["meeting_id", "status", "due_date"])


def downgrade() -> None:
    op.drop_index("ix_action_item_meeting_status", table_name="action_item")
    op.create_index("ix_action_item_meeting_id", "action_item", ["meeting_id"])
    op.drop_index("ix_meeting_held", table_name="meeting")
    # SQLite drops the column in place (a batch copy of the table would trip the foreign keys).
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN deleted_reason")
