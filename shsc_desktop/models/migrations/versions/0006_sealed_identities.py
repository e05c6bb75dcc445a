"""Identifying details sealed to the office's identity key: one sealed value per incident and per
referral note. The plain columns stay for offices set up before; they are emptied when the office
gets its keys (services.identities), not here: sealing needs the key, which a migration does not have.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("identity_sealed", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.add_column(sa.Column("note_sealed", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_column("note_sealed")
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_column("identity_sealed")
