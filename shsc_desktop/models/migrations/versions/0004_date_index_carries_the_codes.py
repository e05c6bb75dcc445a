"""The list's date index carries the codes, so a broad search never reads table rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 06:16:53.145035
"""
from alembic import op


revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_date_reported'))
        batch_op.create_index(
            "ix_incident_date_codes",
            ["date_reported", "incident_code", "survivor_code", "deleted"],
            unique=False,
        )



def downgrade() -> None:
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index('ix_incident_date_codes')
        batch_op.create_index(batch_op.f('ix_incident_date_reported'), ['date_reported'], unique=False)

