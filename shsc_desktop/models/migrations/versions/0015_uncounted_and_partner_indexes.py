"""Two small partial indexes so that the year's figures of a month do not read the whole history.

A month's statistics look up, for the year to date and the twelve-month trend, each referral's
incident (is it counted?) and each incident's perpetrators (is one a partner?). Ids are random, so
those few thousand lookups landed on nearly every page of ``ix_incident_id_counted`` and
``ix_perpetrator_rank``: in a 50,000-incident office more pages than SQLCipher's page cache holds,
so every statistics run decrypted them all again. These indexes hold only the rows the lookups are
after, the incidents no figure counts and the partner perpetrators, in a few hundred pages.

Revision ID: 0015
Revises: 0014 (child consent and legal context)
Create Date: 2026-12-02 14:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"


def upgrade() -> None:
    op.create_index(
        "ix_incident_uncounted",
        "incident",
        ["id", "deleted", "consent_reporting", "gbv_type"],
        sqlite_where=sa.text("deleted != 0 OR consent_reporting IS NOT 1 OR gbv_type = 'non_gbv'"),
    )
    op.create_index(
        "ix_perpetrator_partner",
        "perpetrator",
        ["incident_id", "relationship"],
        sqlite_where=sa.text("relationship IN ('boyfriend', 'current_partner', 'former_partner')"),
    )


def downgrade() -> None:
    op.drop_index("ix_perpetrator_partner", table_name="perpetrator")
    op.drop_index("ix_incident_uncounted", table_name="incident")
