"""The case worker of an incident: the CCWC focal point who handles it (issue 11, roles).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 05:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    # No focal point existed before this revision: every existing case starts without one.
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("case_worker_id", sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f("ix_incident_case_worker_id"), ["case_worker_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_case_worker_id"))
        batch_op.drop_column("case_worker_id")
