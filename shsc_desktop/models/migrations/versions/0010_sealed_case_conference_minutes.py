"""Case-conference minutes are identifying: their free text is sealed to the office's identity key.

Adds ``meeting.minutes_sealed`` and seals the minutes (concerns raised, decisions) of every existing
case conference, emptying the plain columns. Sealing needs only the identity key's *public* half:
the office passes a sealing function in ``config.attributes["seal"]`` (``models.migrate.upgrade``).
An office without keys yet (or a migration run without one) keeps the text where it is and clears
the "identities sealed" flag, so the unlock that gives the office its keys seals them
(``services.identities.seal_legacy_identities``).

Revision ID: 0010
Revises: 0009 (month figure indexes)
Create Date: 2026-12-02 02:10:00
"""

import sqlalchemy as sa
from alembic import context, op

revision = "0010"
down_revision = "0009"

CASE_CONFERENCE = "case_conference"
SEALED_SETTING = "identity.legacy_sealed"  # services.identities.SEALED_SETTING, frozen here


def meeting_context(meeting_id: str) -> str:
    return f"meeting:{meeting_id}"  # services.identities.meeting_context, frozen here


def upgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("minutes_sealed", sa.LargeBinary(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT id, concerns_raised, decisions FROM meeting "
            "WHERE meeting_type = :t AND (concerns_raised != '' OR decisions != '')"
        ),
        {"t": CASE_CONFERENCE},
    ).all()
    if not rows:
        return
    seal = context.config.attributes.get("seal")
    if seal is None:
        conn.execute(sa.text("DELETE FROM setting WHERE key = :k"), {"k": SEALED_SETTING})
        return
    for meeting_id, concerns, decisions in rows:
        sealed = seal({"concerns_raised": concerns, "decisions": decisions}, meeting_context(meeting_id))
        conn.execute(
            sa.text(
                "UPDATE meeting SET minutes_sealed = :s, concerns_raised = '', decisions = '' WHERE id = :i"
            ),
            {"s": sealed, "i": meeting_id},
        )


def downgrade() -> None:
    # Sealed minutes cannot be opened without the identity key: they are dropped with the column.
    # SQLite drops the column in place (a batch copy of the table would trip the action items'
    # foreign key, enforced on every connection).
    op.execute("ALTER TABLE meeting DROP COLUMN minutes_sealed")
