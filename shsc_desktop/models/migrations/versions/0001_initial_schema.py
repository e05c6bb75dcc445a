"""Initial schema: office settings, users, audit log, months and the four registers.

Revision ID: 0001
Revises: 
Create Date: 2026-11-27 04:43:16.429157
"""
from alembic import op
import sqlalchemy as sa


revision = "0001"
down_revision = None


def upgrade() -> None:

    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('target_type', sa.String(length=32), nullable=False),
    sa.Column('target_id', sa.String(length=64), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('contact',
    sa.Column('name_km', sa.String(length=300), nullable=False),
    sa.Column('name_en', sa.String(length=300), nullable=False),
    sa.Column('organisation_type', sa.String(length=32), nullable=False),
    sa.Column('services', sa.Text(), nullable=False),
    sa.Column('contact_person', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=100), nullable=False),
    sa.Column('phone2', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('hours', sa.String(length=200), nullable=False),
    sa.Column('coverage', sa.String(length=16), nullable=False),
    sa.Column('last_verified', sa.Date(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('incident',
    sa.Column('incident_code', sa.String(length=32), nullable=False),
    sa.Column('survivor_code', sa.String(length=32), nullable=False),
    sa.Column('survivor_name', sa.Text(), nullable=False),
    sa.Column('survivor_phone', sa.String(length=64), nullable=False),
    sa.Column('survivor_address', sa.Text(), nullable=False),
    sa.Column('survivor_birth_date', sa.Date(), nullable=True),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('date_reported', sa.Date(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('date_of_incident', sa.Date(), nullable=True),
    sa.Column('reported_by', sa.String(length=32), nullable=False),
    sa.Column('first_point_of_contact', sa.Boolean(), nullable=False),
    sa.Column('survivor_sex', sa.String(length=16), nullable=False),
    sa.Column('survivor_age', sa.Integer(), nullable=True),
    sa.Column('marital_status', sa.String(length=32), nullable=False),
    sa.Column('disability', sa.String(length=32), nullable=False),
    sa.Column('village_code', sa.String(length=8), nullable=False),
    sa.Column('location_type', sa.String(length=32), nullable=False),
    sa.Column('time_of_day', sa.String(length=16), nullable=False),
    sa.Column('gbv_type', sa.String(length=32), nullable=False),
    sa.Column('classification_answers', sa.String(length=16), nullable=False),
    sa.Column('previously_reported', sa.String(length=16), nullable=False),
    sa.Column('goods_money_exchanged', sa.String(length=16), nullable=False),
    sa.Column('commune_actions', sa.Text(), nullable=False),
    sa.Column('risk_level', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('follow_up_date', sa.Date(), nullable=True),
    sa.Column('consent_services', sa.String(length=16), nullable=False),
    sa.Column('consent_reporting', sa.Boolean(), nullable=False),
    sa.Column('guardian_consent', sa.Boolean(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('deleted_reason', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('incident_code')
    )
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_date_reported'), ['date_reported'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_deleted'), ['deleted'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_follow_up_date'), ['follow_up_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_gbv_type'), ['gbv_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_period'), ['period'], unique=False)
        batch_op.create_index('ix_incident_period_type', ['period', 'gbv_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_survivor_code'), ['survivor_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_village_code'), ['village_code'], unique=False)

    op.create_table('meeting',
    sa.Column('meeting_type', sa.String(length=32), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('venue_village_code', sa.String(length=8), nullable=False),
    sa.Column('facilitator', sa.String(length=200), nullable=False),
    sa.Column('topics', sa.Text(), nullable=False),
    sa.Column('concerns_raised', sa.Text(), nullable=False),
    sa.Column('decisions', sa.Text(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_meeting_date'), ['meeting_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_period'), ['period'], unique=False)

    op.create_table('month',
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('approved_by', sa.String(length=64), nullable=True),
    sa.Column('approved_at', sa.String(length=32), nullable=True),
    sa.Column('reopen_reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('period')
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('user',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('removed_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('action_item',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('meeting_id', sa.String(length=32), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_action_item_status'), ['status'], unique=False)

    op.create_table('meeting_attendance',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('meeting_id', sa.String(length=32), nullable=False),
    sa.Column('group', sa.String(length=32), nullable=False),
    sa.Column('female', sa.Integer(), nullable=False),
    sa.Column('male', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('meeting_id', 'group')
    )
    with op.batch_alter_table('meeting_attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_attendance_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('perpetrator',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('incident_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sex', sa.String(length=16), nullable=False),
    sa.Column('age_group', sa.String(length=16), nullable=False),
    sa.Column('relationship', sa.String(length=32), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('perpetrator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_perpetrator_incident_id'), ['incident_id'], unique=False)

    op.create_table('referral',
    sa.Column('incident_id', sa.String(length=32), nullable=False),
    sa.Column('date_referred', sa.Date(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('service_type', sa.String(length=32), nullable=False),
    sa.Column('contact_id', sa.String(length=32), nullable=True),
    sa.Column('urgency', sa.String(length=16), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('outcome_date', sa.Date(), nullable=True),
    sa.Column('follow_up_date', sa.Date(), nullable=True),
    sa.Column('consent_override_reason', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_date_referred'), ['date_referred'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_follow_up_date'), ['follow_up_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_period'), ['period'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_period'))
        batch_op.drop_index(batch_op.f('ix_referral_incident_id'))
        batch_op.drop_index(batch_op.f('ix_referral_follow_up_date'))
        batch_op.drop_index(batch_op.f('ix_referral_date_referred'))

    op.drop_table('referral')
    with op.batch_alter_table('perpetrator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_perpetrator_incident_id'))

    op.drop_table('perpetrator')
    with op.batch_alter_table('meeting_attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_attendance_meeting_id'))

    op.drop_table('meeting_attendance')
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_status'))
        batch_op.drop_index(batch_op.f('ix_action_item_meeting_id'))

    op.drop_table('action_item')
    op.drop_table('user')
    op.drop_table('setting')
    op.drop_table('month')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_period'))
        batch_op.drop_index(batch_op.f('ix_meeting_meeting_date'))

    op.drop_table('meeting')
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_village_code'))
        batch_op.drop_index(batch_op.f('ix_incident_survivor_code'))
        batch_op.drop_index(batch_op.f('ix_incident_status'))
        batch_op.drop_index('ix_incident_period_type')
        batch_op.drop_index(batch_op.f('ix_incident_period'))
        batch_op.drop_index(batch_op.f('ix_incident_gbv_type'))
        batch_op.drop_index(batch_op.f('ix_incident_follow_up_date'))
        batch_op.drop_index(batch_op.f('ix_incident_deleted'))
        batch_op.drop_index(batch_op.f('ix_incident_date_reported'))

    op.drop_table('incident')
    op.drop_table('contact')
    op.drop_table('audit_log')

