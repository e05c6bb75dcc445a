"""Children's consent routes, the child-protection referral and the legal context of an incident.

The bare ``guardian_consent`` flag becomes a coded route (``child_consent_route``): a row whose
flag was set gets "guardian"; every other row is left unanswered (""), never given an answer
nobody recorded. Every new column starts unanswered ("" or NULL).

Revision ID: 0014
Revises: 0013 (register lifecycle)
Create Date: 2026-12-02 05:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"

TEXT_COLUMNS = (
    ("child_consent_route", 16),
    ("child_consent_reason", 32),
    ("child_consent_decided_by", 16),
    ("child_protection_referral", 24),
    ("legal_duty_reported", 16),
    ("legal_duty_reason", 32),
    ("dv_law_applies", 16),
    ("protection_order", 16),
    ("sent_to_prosecutor", 16),
)


def upgrade() -> None:
    # Plain ALTER TABLE (no batch copy): the incident table keeps its indexes as they are.
    for name, length in TEXT_COLUMNS:
        op.add_column("incident", sa.Column(name, sa.String(length=length), nullable=False, server_default=""))
    op.add_column("incident", sa.Column("admin_decision_date", sa.Date(), nullable=True))
    op.add_column(
        "incident", sa.Column("admin_decision_measures", sa.Text(), nullable=False, server_default="")
    )
    op.execute("UPDATE incident SET child_consent_route = 'guardian' WHERE guardian_consent = 1")
    op.drop_column("incident", "guardian_consent")  # SQLite 3.35+: ALTER TABLE … DROP COLUMN


def downgrade() -> None:
    op.add_column(
        "incident",
        sa.Column("guardian_consent", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.execute("UPDATE incident SET guardian_consent = 1 WHERE child_consent_route = 'guardian'")
    op.drop_column("incident", "admin_decision_measures")
    op.drop_column("incident", "admin_decision_date")
    for name, _length in reversed(TEXT_COLUMNS):
        op.drop_column("incident", name)
