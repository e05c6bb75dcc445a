"""Return notices: a district returns a commune's monthly bundle for correction, with a reason.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 02:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.create_table(
        "return_notice",
        sa.Column("notice_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("office_code", sa.String(length=16), nullable=False),
        sa.Column("district_code", sa.String(length=16), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("signed_data", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("notice_id"),
    )
    with op.batch_alter_table("return_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_return_notice_office_code"), ["office_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_return_notice_period"), ["period"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("return_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_return_notice_period"))
        batch_op.drop_index(batch_op.f("ix_return_notice_office_code"))
    op.drop_table("return_notice")
