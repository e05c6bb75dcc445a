"""A covering index for the incident code search box (a 50,000-row search scanned the table).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 05:08:42.401391
"""
from alembic import op


revision = "0003"
down_revision = '0002'


def upgrade() -> None:
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(
            "ix_incident_code_search", ["incident_code", "survivor_code", "deleted"], unique=False
        )



def downgrade() -> None:
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index("ix_incident_code_search")

