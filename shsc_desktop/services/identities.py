"""Sealed identities, signed roles and erasure, as the office services use them.

The keys and formats are in ``security.identity`` and ``security.vault``; this module is where an
unlocked office meets them:

- :func:`seal_value` / :func:`open_value`: seal a record's identifying details to the office's
  identity key (anyone signed in) and open them (only a session holding the identity key);
- :func:`rights_at_unlock`: the role and grants a signing-in user really has, from her signed grant,
  and whether the unlock must be refused because the role column says otherwise;
- :func:`after_unlock`: what an unlock does next: an office set up before it had keys gets them
  (first administrator unlock), older plain identifying details are sealed, and an administrator's
  unlock checks every account against its signed grant (mismatches audited and set right), and
  the office's retention period erases the identities of long-closed cases;
- :func:`erase_incident_identity`: what deleting an incident or a withdrawn consent erases.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, exists, or_, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ..errors import IdentityLocked
from ..models.base import Base, Sensitivity
from ..models.tables import (
    AuditEntry,
    FormDraft,
    Incident,
    Meeting,
    Perpetrator,
    Referral,
    Setting,
    User,
)
from ..security import audit, keystore, pki_keys
from ..security.actions import Action
from ..security.identity import OfficeKeys, SealBroken, Sealer, UserGrant, seal, unseal
from ..security.permissions import (
    ADMIN_ROLE_BY_LEVEL,
    ROLES_BY_LEVEL,
    Actor,
    Grant,
    Role,
    default_grants,
    is_admin,
    raises_rights,
)
from ..security.vault import Unlocked
from ..values.changes import ACCOUNTS, NOTHING, Changes

if TYPE_CHECKING:
    from .office import UnlockedOffice

SEALED_SETTING = "identity.legacy_sealed"  # "1" once no plain identifying detail is left


# --- sealing and opening ---------------------------------------------------------------------------


def seal_value(
    office: UnlockedOffice, payload: dict[str, Any], context: str, sealer: Sealer | None = None
) -> bytes | None:
    """``payload`` sealed for the record ``context``; None if the payload holds nothing.

    Raises ``IdentityLocked`` only in an office without keys, which :func:`after_unlock` never
    leaves so past an administrator's unlock; callers there write the legacy columns instead.
    ``sealer``: one :class:`Sealer` shared by a bulk job (see :func:`sealer_for`).
    """
    if not any(payload.values()):
        return None
    if office.keys is None:
        raise IdentityLocked("This office has no identity key yet.")
    if sealer is not None:
        return sealer.seal(payload, context)
    return seal(office.keys.identity_public, payload, context)


def sealer_for(office: UnlockedOffice) -> Sealer | None:
    """A sealer for many records at once; None in an office without keys."""
    return None if office.keys is None else Sealer(office.keys.identity_public)


def open_value(office: UnlockedOffice, sealed: bytes, context: str) -> dict[str, Any]:
    """Open a sealed value; ``IdentityLocked`` if this session does not hold the identity key."""
    if office.keys is None or office.keys.identity is None:
        raise IdentityLocked("This session does not hold the identity key.")
    try:
        return unseal(office.keys.identity, sealed, context)
    except SealBroken as exc:
        from ..errors import DatabaseDamaged

        raise DatabaseDamaged(
            "These identifying details cannot be opened: they were damaged or moved from another record."
        ) from exc


def incident_context(incident_id: str) -> str:
    return f"incident:{incident_id}"


def referral_context(referral_id: str) -> str:
    return f"referral:{referral_id}"


def meeting_context(meeting_id: str) -> str:
    """A case conference's sealed minutes (migration 0010 freezes the same form)."""
    return f"meeting:{meeting_id}"


CASE_CONFERENCE = "case_conference"
"""The meeting type whose minutes are identifying (they may name survivors)."""


def legacy_incident_payload(row: Incident) -> dict[str, Any]:
    """The identifying details an older office kept in plain columns, as a sealed payload."""
    birth = row.legacy_survivor_birth_date
    names = [p.legacy_name or "" for p in row.perpetrators]
    return {
        "survivor_name": row.legacy_survivor_name or "",
        "survivor_phone": row.legacy_survivor_phone or "",
        "survivor_address": row.legacy_survivor_address or "",
        "survivor_birth_date": birth.isoformat() if birth else None,
        "narrative": row.legacy_narrative or "",
        "perpetrator_names": names if any(names) else [],
    }


# --- which columns identify a survivor ---------------------------------------------------------
#
# One definition: the columns the model marks IDENTIFYING (``info=P``), read from the tables, not
# listed again here. An incident's identity lives in its own row, its perpetrators' rows and its
# referrals' rows; erasing (deletion, withdrawn consent, retention) empties all of them, and a new
# identifying column declared on these tables is erased the moment it is declared
# (``tests/services/test_erasure.py`` fails on one declared anywhere else).

ERASED_WITH_AN_INCIDENT: tuple[type[Base], ...] = (Incident, Perpetrator, Referral)

# Identifying columns outside an incident, each with the path that erases it: a case conference's
# sealed minutes go with the meeting's deletion (``MeetingService``), a sealed form draft is
# deleted when it is reopened, discarded or expires (``services/drafts.py``). A table is named here
# only together with its erasure path and the test of it.
ERASED_ON_THEIR_OWN: dict[type[Base], str] = {
    Meeting: "deleting the meeting erases its sealed minutes (MeetingService.delete)",
    FormDraft: "a draft is deleted when reopened, discarded or expired (services/drafts.py)",
}


def identifying_columns(model: type[Base]) -> dict[str, Any]:
    """The identifying attributes of ``model`` and the value that erases each (NULL or "")."""
    out: dict[str, Any] = {}
    for attr in model.__mapper__.column_attrs:
        column = attr.columns[0]
        if column.info.get("sensitivity") == Sensitivity.IDENTIFYING:
            out[attr.key] = None if column.nullable else ""
    return out


def holds_identity(model: type[Base]) -> ColumnElement[bool]:
    """SQL: this row of ``model`` still holds something identifying."""
    return or_(
        *(
            getattr(model, key).is_not(None) if empty is None else getattr(model, key) != empty
            for key, empty in identifying_columns(model).items()
        )
    )


def _legacy_columns(model: type[Base]) -> dict[str, Any]:
    """The plain (not sealed) identifying columns of an older office."""
    return {k: v for k, v in identifying_columns(model).items() if not k.endswith("_sealed")}


def has_legacy_identity(row: Incident) -> bool:
    return any(getattr(row, key) for key in _legacy_columns(Incident)) or any(
        getattr(p, key) for p in row.perpetrators for key in _legacy_columns(Perpetrator)
    )


def clear_legacy_identity(row: Incident) -> None:
    for key, empty in _legacy_columns(Incident).items():
        setattr(row, key, empty)
    for p in row.perpetrators:
        for key, empty in _legacy_columns(Perpetrator).items():
            setattr(p, key, empty)


# --- rights at unlock ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rights:
    """What the signing-in user may do, or why she may not sign in (``refusal``)."""

    actor: Actor | None
    refusal: str = ""  # a stable reason code, recorded in the audit entry


def _grants(grant: UserGrant) -> frozenset[Grant]:
    return frozenset(Grant(g) for g in grant.grants if g in {x.value for x in Grant})


def rights_at_unlock(
    session: Session,
    unlocked: Unlocked,
    keys: OfficeKeys | None,
    user: User,
    level: str,
    recovery_grant: UserGrant | None = None,
) -> Rights:
    """The signed-in user's actor, from her signed grant (never from the role column alone).

    ``keys``: the office keys the slot gave (None: an office set up before it had keys).

    - the password opened the slot but its grant does not verify, or the office keys were
      swapped: refused;
    - the role column differs from the signed role (``UPDATE user SET role = 'chief'``): refused;
    - a recovery-key unlock (``unlocked.slot`` is the recovery slot): the user's own grant if it
      verifies (``recovery_grant``), else the role column (the holder of the recovery key holds the
      office signing key and can set any account anyway);
    - an office set up before it had keys: the role the audit trail gave the user (so an edited
      role column cannot make the first administrator unlock, which creates the keys, hers).
    """
    recovery = unlocked.slot.kind == "recovery"
    if unlocked.problem:
        return Rights(None, unlocked.problem)
    if keys is None:
        trusted = roles_from_audit(session, level, trust_appointed_admins=recovery)
        return Rights(Actor(user.id, user.username, Role(migration_role(trusted, user, level))))
    grant = recovery_grant if recovery else unlocked.grant
    if grant is None:
        return Rights(Actor(user.id, user.username, Role(user.role)))
    if grant.role != user.role:
        return Rights(None, "role_mismatch")
    return Rights(Actor(user.id, user.username, Role(grant.role), _grants(grant)))


def roles_from_audit(session: Session, level: str, trust_appointed_admins: bool = False) -> dict[str, str]:
    """Each user's role as the audit trail of an office set up before signed roles records it.

    The trail is not trusted to *raise* anyone: whoever holds the data key (every clerk) can append
    correctly chained entries. So the administrator's role (chief) comes only from the **first**
    ``office_created`` entry — the one who set the office up. An entry that adds a user as chief
    (or as focal point, whose role carries the identity key) or changes a role to one of these
    gives the office's least role instead, unless
    ``trust_appointed_admins`` (an unlock with the recovery key: its holder vouches for whom she
    names). Lower roles, and demotions, are taken as recorded; an unknown role gives the least.
    """
    admin = ADMIN_ROLE_BY_LEVEL[level].value
    allowed = {r.value for r in ROLES_BY_LEVEL[level]}
    least = ROLES_BY_LEVEL[level][-1].value
    roles: dict[str, str] = {}
    creator: str | None = None
    names = {u.id: u.username for u in session.scalars(select(User))}
    rows = session.execute(
        select(AuditEntry.actor, AuditEntry.action, AuditEntry.target_id, AuditEntry.details)
        .where(AuditEntry.action.in_([Action.OFFICE_CREATED, Action.USER_ADDED, Action.USER_ROLE_CHANGED]))
        .order_by(AuditEntry.seq)
    )
    for actor, action, target_id, details_text in rows:
        if action == Action.OFFICE_CREATED:
            if creator is None:  # a later "office created" entry is a forgery
                creator = actor
                roles[actor] = admin
            continue
        try:
            details = json.loads(details_text)
        except ValueError:
            continue
        if not isinstance(details, dict):
            continue
        if action == Action.USER_ADDED and "username" in details and "role" in details:
            name, role = str(details["username"]), str(details["role"])
        elif action == Action.USER_ROLE_CHANGED and target_id in names and "to" in details:
            name, role = names[target_id], str(details["to"])
        else:
            continue
        if role not in allowed or (raises_rights(role) and not trust_appointed_admins):
            role = least
        roles[name] = role
    return roles


def migration_role(trusted: dict[str, str], user: User, level: str) -> str:
    """A user's role before signed roles: the trail's (:func:`roles_from_audit`); for a user the
    trail does not name, the role column, but never a role that carries a key (chief, focal point)."""
    if user.username in trusted:
        return trusted[user.username]
    least = ROLES_BY_LEVEL[level][-1].value
    allowed = {r.value for r in ROLES_BY_LEVEL[level] if not raises_rights(r.value)}
    return user.role if user.role in allowed else least


def record_refusal(session: Session, user: User, reason: str) -> None:
    audit.record(session, user.username, Action.UNLOCK_REFUSED, "user", user.id, {"reason": reason})


# --- after an unlock -------------------------------------------------------------------------------


def after_unlock(office: UnlockedOffice, secret: str | None) -> None:
    """Keys for an older office, sealing of plain details left, and the administrator's check."""
    admin = is_admin(office.actor.role.value)
    sealed_before = office.setting(SEALED_SETTING) == "1"
    if office.keys is None and admin:
        install_office_keys(office, secret)
    if office.keys is not None and not sealed_before:
        seal_legacy_identities(office)
    if admin and office.keys is not None and office.keys.signing is not None:
        check_accounts(office)
        protect_exchange_keys(office)
    if admin and sealed_before:
        # Sealed in an earlier session, which this unlock has opened again: the upgrade's backups
        # that still hold the identities in plain go (docs/security.md, "Backups from before").
        from .plain_backups import delete_plain_migration_backups

        delete_plain_migration_backups(office)
    apply_retention(office)


def protect_exchange_keys(office: UnlockedOffice) -> list[str]:
    """An office enrolled before its exchange keys were protected: move them under the office
    secret now (``security.keystore.protect_private_keys``), at an administrator's unlock, since
    until then every clerk could open the signing key with her data key."""
    assert office.keys is not None
    with office.reading() as s:
        store = keystore.DbKeyStore(s)
        if all(pki_keys.is_office_wrapped(store.get(n) or b"") for n in store.names(keystore.KEY_PREFIX)):
            return []
    with office.transaction(NOTHING) as s:
        moved = keystore.protect_private_keys(s, office.data_key, office.keys)
        if moved:
            # The move is part of the office's history: which keys, under which office keys.
            audit.record(
                s,
                office.actor.username,
                Action.EXCHANGE_KEYS_PROTECTED,
                "office",
                "",
                {"keys": sorted(moved), "office_keys": office.keys.fingerprint()},
            )
        return moved


def install_office_keys(office: UnlockedOffice, secret: str | None) -> None:
    """An office set up before identities were sealed gets its identity and signing keys."""
    keys = OfficeKeys.generate()
    level = office.info.level
    with office.reading() as s:
        from_audit = roles_from_audit(s, level)
        users = list(s.scalars(select(User).where(User.active.is_(True))))
        rights = {}
        for u in users:
            role = migration_role(from_audit, u, level)
            rights[u.username] = (role, default_grants(role))
    # The one unlocking is an administrator (after_unlock checked): the first chief, or the one a
    # recovery-key holder named. Her own grant says so.
    rights[office.actor.username] = (office.actor.role.value, default_grants(office.actor.role.value))
    own = (office.actor.username, secret) if secret is not None else None
    office.folder.vault.install_office_keys(office.data_key, keys, rights, own)
    office.keys = keys
    office.actor = Actor(office.actor.user_id, office.actor.username, office.actor.role)
    office.audit(Action.OFFICE_KEYS_CREATED, "office", "", {"fingerprint": keys.fingerprint()})


def seal_legacy_identities(office: UnlockedOffice) -> None:
    """Seal every identifying detail still in a plain column, and empty those columns."""
    incidents = referrals = meetings = 0
    sealer = sealer_for(office)
    with office.transaction(Changes.of_registers("incidents", "referrals", "meetings")) as s:
        legacy_incident = or_(
            Incident.legacy_survivor_name != "",
            Incident.legacy_survivor_phone != "",
            Incident.legacy_survivor_address != "",
            Incident.legacy_survivor_birth_date.is_not(None),
            Incident.legacy_narrative != "",
            Incident.id.in_(select(Perpetrator.incident_id).where(Perpetrator.legacy_name != "")),
        )
        for row in s.scalars(select(Incident).where(legacy_incident)):
            payload = legacy_incident_payload(row)
            if row.identity_sealed is None:
                row.identity_sealed = seal_value(office, payload, incident_context(row.id), sealer)
            clear_legacy_identity(row)
            incidents += 1
        for ref in s.scalars(select(Referral).where(Referral.legacy_note != "")):
            if ref.note_sealed is None:
                ref.note_sealed = seal_value(
                    office, {"note": ref.legacy_note}, referral_context(ref.id), sealer
                )
            ref.legacy_note = ""
            referrals += 1
        plain_minutes = select(Meeting).where(
            Meeting.meeting_type == CASE_CONFERENCE,
            or_(Meeting.concerns_raised != "", Meeting.decisions != ""),
        )
        for meeting in s.scalars(plain_minutes):
            if meeting.minutes_sealed is None:
                meeting.minutes_sealed = seal_value(
                    office,
                    {"concerns_raised": meeting.concerns_raised, "decisions": meeting.decisions},
                    meeting_context(meeting.id),
                    sealer,
                )
            meeting.concerns_raised = meeting.decisions = ""
            meetings += 1
        row_flag = s.get(Setting, SEALED_SETTING)
        if row_flag is None:
            s.add(Setting(key=SEALED_SETTING, value="1"))
        else:
            row_flag.value = "1"
        if incidents or referrals or meetings:
            audit.record(
                s,
                office.actor.username,
                Action.IDENTITIES_SEALED,
                "office",
                "",
                {"incidents": incidents, "referrals": referrals, "meetings": meetings},
            )
    if incidents or referrals or meetings:
        forget_old_pages(office)


def check_accounts(office: UnlockedOffice) -> list[str]:
    """An administrator's unlock checks every account against its signed grant.

    A role column that differs from the signed role is audited and set back; an account whose grant
    does not verify is audited (the chief resets its password to give it a valid one). Returns the
    user names found wrong.
    """
    grants = office.folder.vault.verified_grants()
    wrong: list[str] = []
    with office.transaction(ACCOUNTS) as s:
        for user in s.scalars(select(User).where(User.active.is_(True))):
            if user.username not in grants:
                continue  # no slot: cannot unlock at all
            grant = grants[user.username]
            if grant is None:
                # Her rights cannot be confirmed: until the chief signs them again (a password
                # reset or a role change), her account holds the office's least role.
                least = ROLES_BY_LEVEL[office.info.level][-1].value
                audit.record(
                    s,
                    office.actor.username,
                    Action.GRANT_INVALID,
                    "user",
                    user.id,
                    {"username": user.username, "found": user.role, "set_to": least},
                )
                user.role = least
                wrong.append(user.username)
            elif grant.role != user.role:
                audit.record(
                    s,
                    office.actor.username,
                    Action.ROLE_MISMATCH,
                    "user",
                    user.id,
                    {"username": user.username, "found": user.role, "signed": grant.role},
                )
                user.role = grant.role
                wrong.append(user.username)
    return wrong


# --- erasure ---------------------------------------------------------------------------------------

RETENTION_SETTING = "identity_retention_years"  # "" or "0": kept; N: erased N years after closing


def erase_incident_identity(session: Session, row: Incident) -> bool:
    """Erase ``row``'s identifying details and its referrals' notes; whether there was any.

    Only the sealed value and the plain columns go: codes, dates, types and the other counted
    fields stay, so the month's statistics do not change. ``secure_delete`` overwrites the freed
    bytes; :func:`forget_old_pages` clears the WAL's copies after the commit.
    """
    had = False
    for model in ERASED_WITH_AN_INCIDENT:
        columns = identifying_columns(model)
        key = model.id if model is Incident else model.incident_id  # type: ignore[attr-defined]
        for item in session.scalars(select(model).where(key == row.id)):
            had = had or any(getattr(item, k) not in (None, "") for k in columns)
            for k, empty in columns.items():
                setattr(item, k, empty)
    return had


def retention_years(office: UnlockedOffice) -> int:
    try:
        return max(0, int(office.setting(RETENTION_SETTING, "0") or "0"))
    except ValueError:
        return 0


def apply_retention(office: UnlockedOffice, today: date | None = None) -> int:
    """Erase the identities of cases closed more than the retention period ago (at unlock).

    A case's closing date is its last change while closed (``updated_at``); the erasure itself
    leaves ``updated_at`` alone. Returns how many records were erased; audited once per run.
    """
    years = retention_years(office)
    if years <= 0:
        return 0
    day = today or datetime.now(UTC).date()
    try:
        cutoff_day = day.replace(year=day.year - years)
    except ValueError:  # 29 February
        cutoff_day = day.replace(year=day.year - years, day=28)
    cutoff = datetime(cutoff_day.year, cutoff_day.month, cutoff_day.day, tzinfo=UTC)
    with office.transaction(Changes.of_registers("incidents", "referrals")) as s:
        # Anything identifying left in the case, its perpetrators or its referrals: a case whose
        # only identifying content is a referral note (or an old office's phone number) is due too.
        due = list(
            s.scalars(
                select(Incident.id).where(
                    Incident.status == "closed",
                    Incident.updated_at < cutoff,
                    or_(
                        holds_identity(Incident),
                        exists().where(Perpetrator.incident_id == Incident.id, holds_identity(Perpetrator)),
                        exists().where(Referral.incident_id == Incident.id, holds_identity(Referral)),
                    ),
                )
            )
        )
        for start in range(0, len(due), 500):
            chunk = due[start : start + 500]
            for model in ERASED_WITH_AN_INCIDENT:
                key = model.id if model is Incident else model.incident_id  # type: ignore[attr-defined]
                values = dict(identifying_columns(model))
                if "updated_at" in model.__mapper__.column_attrs:
                    # Set to itself: erasing is not a change of the case (nor of a referral).
                    values["updated_at"] = model.updated_at  # type: ignore[attr-defined]
                # Core UPDATEs: no ORM events, so no version or updated_at bump either.
                s.execute(update(model).where(key.in_(chunk)).values(**values))
        erased = len(due)
        if erased:
            audit.record(
                s,
                office.actor.username,
                Action.IDENTITY_ERASED,
                "office",
                "",
                {"why": "retention", "years": years, "count": erased},
            )
    if erased:
        forget_old_pages(office)
    return erased


def forget_old_pages(office: UnlockedOffice) -> None:
    """Move the WAL's copies of overwritten pages into the database and truncate it, so erased
    plain text does not linger in the WAL file (``secure_delete`` already zeroes freed space)."""
    with contextlib.suppress(DBAPIError), office.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


__all__ = [
    "SEALED_SETTING",
    "Rights",
    "after_unlock",
    "check_accounts",
    "incident_context",
    "meeting_context",
    "open_value",
    "referral_context",
    "rights_at_unlock",
    "seal_value",
]
