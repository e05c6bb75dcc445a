"""Key slots: who can unlock the office database, in the LUKS manner.

One random 256-bit *data key* encrypts the database (SQLCipher raw key). It is never stored in the
clear. Each person (and the printed recovery key) has a *slot*:

* an X25519 key pair; the private half is sealed with AES-256-GCM under a key derived from the
  password by Argon2id (the slot's public fields are the GCM associated data, so any flipped bit in
  the slot's name, parameters or salt makes unlocking fail, never succeed wrongly);
* the data key wrapped to the slot's public key (ephemeral X25519 + HKDF-SHA256 + AES-GCM).

Wrapping to a *public* key is what lets the chief rotate the data key when someone leaves under
suspicion without knowing everyone else's password: the new key is simply wrapped to every remaining
public key. A rotation in progress keeps both keys wrapped until the database has been re-keyed, so a
crash at any point leaves a slot file that opens the database.

Slots also carry the office's own keys (``security.identity``): the identity key's private half is
wrapped (like the data key, to the slot's public key) only into the slots of users granted identity
access, the office signing key's only into administrators' slots and the recovery slot. Each user
slot carries her grant (role and extra grants, bound to her slot's public key) signed by the office
signing key. The office's two public keys are recorded in the file and *anchored*: bound into every
administrator's slot as associated data of her password-sealed private key, so a clerk who swaps
only the office keys for keys of her own (to sign herself a chief's grant) is refused at her next
unlock. The anchor lives in the same file she can rewrite: if she also drops or rewrites the chief's
and the recovery slot, her own forged grant verifies and the chief can no longer sign in (known
limit, docs/security.md). What catches that is outside the PC: the office keys' fingerprint on the
printed recovery sheet, compared by ``verify-office --fingerprint`` (docs/recovery.md §4), and the
same fingerprint enrolled by the office above, which rejects every bundle vouched by other office
keys (docs/bundle-format.md §8).

The slot file's format is in ``security.slotfile``, the password KDF in ``security.kdf`` and the
X25519 wrapping in ``security.sealing``; this module is what is done with slots: creating, unlocking
and changing them, and writing the file (atomically, then a second copy).
"""

from __future__ import annotations

import contextlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..atomic import atomic_write_bytes
from ..errors import KeySlotsDamaged, PermissionDenied, StorageFailed, ValidationFailed, WrongCredentials
from ..problems import define
from .identity import OfficeKeys, UserGrant, b64, canonical, private_matches, raw_private, sign_grant
from .kdf import KdfParams, derive_kek
from .permissions import Grant, is_admin
from .sealing import unwrap, wrap_to
from .slotfile import FORMAT_VERSION, SLOT_FILE, SLOT_FILE_COPY, Slot, SlotFile

DATA_KEY_BYTES = 32
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud safely
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 5
MIN_PASSWORD_LENGTH = 8

PASSWORD_TOO_SHORT = define("password_too_short", "The password must have at least %1 characters.")
NO_SUCH_USER = define("no_such_user", "No such user.")
LAST_USER = define("last_user", "The last user cannot be removed.")


def normalise_recovery_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def new_recovery_key() -> str:
    chars = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = ["".join(chars[i : i + RECOVERY_GROUP_LEN]) for i in range(0, len(chars), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed({"password": PASSWORD_TOO_SHORT(MIN_PASSWORD_LENGTH)})


def _make_slot(
    kind: str,
    username: str,
    secret: str,
    kdf: KdfParams,
    data_keys: list[bytes],
    office_id: str,
    rights: tuple[OfficeKeys, str, frozenset[str]] | None = None,
) -> Slot:
    """A new slot sealed by ``secret``. ``rights`` (office keys with the signing key, role,
    grants): the slot also gets its signed grant, the office keys it is entitled to and, for an
    administrator or the recovery slot, the anchor."""
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    slot = Slot(
        id=secrets.token_hex(8),
        kind=kind,
        username=username,
        public_key=public,
        kdf=kdf,
        salt=secrets.token_bytes(16),
        sealed_private=b"",
    )
    if rights is not None:
        keys, role, grants = rights
        _give_rights(slot, office_id, keys, role, grants)
        if _holds_signing_key(slot):
            slot.anchor = keys.public_json()
    _seal_private(slot, private, secret)
    slot.wraps = [wrap_to(public, k, slot.id, office_id) for k in data_keys]
    return slot


def _holds_signing_key(slot: Slot) -> bool:
    return "signing" in slot.key_wraps


def _give_rights(slot: Slot, office_id: str, keys: OfficeKeys, role: str, grants: frozenset[str]) -> None:
    """Sign ``slot``'s grant and wrap into it the office keys it is entitled to.

    Administrators and the recovery slot hold both private keys (they grant identity access to
    others, so they must be able to wrap the identity key); a user with the identity grant holds
    the identity key; everyone else holds neither. Needs the signing key: only an administrator
    (or the holder of the recovery key) can give rights.
    """
    if keys.signing is None or keys.identity is None:
        raise PermissionDenied("Only the chief can give a user her rights.")
    admin = slot.kind == "recovery" or is_admin(role)
    slot.key_wraps = {}
    if admin:
        slot.key_wraps["signing"] = wrap_to(
            slot.public_key, raw_private(keys.signing), slot.id, office_id, "signing"
        )
    if admin or Grant.IDENTITY in grants:
        slot.key_wraps["identity"] = wrap_to(
            slot.public_key, raw_private(keys.identity), slot.id, office_id, "identity"
        )
    if slot.kind == "user":
        grant = UserGrant(office_id, slot.username, role, frozenset(grants), slot.public_key)
        slot.grant = {**grant.to_json(), "sig": b64(sign_grant(keys.signing, grant))}


def _seal_private(slot: Slot, private: X25519PrivateKey, secret: str) -> None:
    kek = derive_kek(secret, slot.salt, slot.kdf)
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    nonce = secrets.token_bytes(12)
    slot.sealed_private = nonce + AESGCM(kek).encrypt(nonce, raw, canonical(slot.header()))


def _open_private(slot: Slot, secret: str) -> X25519PrivateKey | None:
    kek = derive_kek(secret, slot.salt, slot.kdf)
    nonce, ct = slot.sealed_private[:12], slot.sealed_private[12:]
    try:
        raw = AESGCM(kek).decrypt(nonce, ct, canonical(slot.header()))
    except InvalidTag:
        return None
    return X25519PrivateKey.from_private_bytes(raw)


# Why an unlock that opened the data key still may not go ahead (``Unlocked.problem``).
KEYS_REPLACED = "office_keys_replaced"  # the office's public keys disagree with an anchor
GRANT_INVALID = "grant_invalid"  # this user's role and grants are not signed by the office


@dataclass
class Unlocked:
    """What a successful unlock yields: the candidate data keys, newest first, the slot used, the
    office keys this slot gave (None in an office without them) and the user's verified grant.

    ``problem`` (``KEYS_REPLACED``, ``GRANT_INVALID``) says the password was right but the user's
    rights could not be confirmed; the caller refuses the unlock after recording why.
    """

    keys: list[bytearray]
    slot: Slot
    office_keys: OfficeKeys | None = None
    grant: UserGrant | None = None
    problem: str = ""
    private: X25519PrivateKey | None = None  # the slot's key pair, opened by the password

    def wipe(self) -> None:
        for k in self.keys:
            for i in range(len(k)):
                k[i] = 0
        if self.office_keys is not None:
            self.office_keys.forget()


class Vault:
    """The key-slot files of one data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.primary = self.folder / SLOT_FILE
        self.copy = self.folder / SLOT_FILE_COPY

    # -- reading --------------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.primary.exists() or self.copy.exists()

    def load(self) -> SlotFile:
        """The newest readable copy. Neither readable: ``KeySlotsDamaged`` (nothing is created)."""
        candidates: list[SlotFile] = []
        for path in (self.primary, self.copy):
            try:
                candidates.append(SlotFile.parse(path.read_bytes()))
            except FileNotFoundError:
                continue
            except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
                # Damaged copy: the other one is tried. AttributeError: a JSON value of the wrong
                # type (a list where an object belongs) after a checksum-preserving edit.
                continue
        if not candidates:
            raise KeySlotsDamaged(
                "The key file of this office is missing or damaged. The database has not been "
                "touched. Restore the key file from a backup."
            )
        return max(candidates, key=lambda f: f.generation)

    def public_key(self, username: str) -> bytes | None:
        """The public key of ``username``'s slot (``None``: no such user)."""
        slot = next((s for s in self.load().slots if s.kind == "user" and s.username == username), None)
        return slot.public_key if slot is not None else None

    def usernames(self) -> list[str]:
        return sorted(s.username for s in self.load().slots if s.kind == "user")

    def office_info(self) -> dict[str, str]:
        return dict(self.load().office)

    def side_state(self, name: str) -> Any:
        """Unsealed state kept in the slot file (see ``SlotFile.side``); None if there is none."""
        return self.load().side.get(name)

    def set_side_state(self, name: str, value: Any) -> None:
        """Rewrite both copies with ``name`` set; the slots, their generation and MAC are unchanged."""
        sf = self.load()
        sf.side[name] = value
        raw = sf.serialise()
        atomic_write_bytes(self.primary, raw)
        with contextlib.suppress(StorageFailed):
            atomic_write_bytes(self.copy, raw)

    # -- writing --------------------------------------------------------------------------------

    def save(self, slot_file: SlotFile, data_key: bytes) -> None:
        slot_file.version = FORMAT_VERSION
        slot_file.generation += 1
        slot_file.mac = slot_file.compute_mac(data_key)
        raw = slot_file.serialise()
        atomic_write_bytes(self.primary, raw)
        # The primary, with its higher generation, is now the slot set in force. If the copy
        # cannot be written, reporting failure would be false (the new password already works and
        # the old one does not), so the change stands; the stale copy is only a fallback and is
        # rewritten whole by the next save.
        with contextlib.suppress(StorageFailed):
            atomic_write_bytes(self.copy, raw)

    def create(
        self,
        office: dict[str, str],
        username: str,
        password: str,
        kdf: KdfParams,
        recovery_kdf: KdfParams | None = None,
        role: str = "chief",
        grants: frozenset[str] = frozenset({Grant.IDENTITY.value}),
    ) -> tuple[bytearray, str, OfficeKeys]:
        """A new slot file with the first user (an administrator) and a recovery slot, and the
        office's own keys; returns (data key, recovery key, office keys)."""
        check_password_policy(password)
        data_key = bytearray(secrets.token_bytes(DATA_KEY_BYTES))
        office_id = secrets.token_hex(16)
        recovery = new_recovery_key()
        keys = OfficeKeys.generate()
        slots = [
            _make_slot("user", username, password, kdf, [bytes(data_key)], office_id, (keys, role, grants)),
            _make_slot(
                "recovery",
                "",
                normalise_recovery_key(recovery),
                recovery_kdf or kdf,
                [bytes(data_key)],
                office_id,
                (keys, "", frozenset()),
            ),
        ]
        sf = SlotFile(
            office_id=office_id,
            generation=0,
            office=dict(office),
            slots=slots,
            office_keys=keys.public_json(),
        )
        self.save(sf, bytes(data_key))
        return data_key, recovery, keys

    # -- unlocking ------------------------------------------------------------------------------

    def _unlock_slot(self, sf: SlotFile, slot: Slot, secret: str) -> Unlocked:
        private = _open_private(slot, secret)
        if private is None:
            raise WrongCredentials()
        try:
            keys = [bytearray(unwrap(private, w, slot.id, sf.office_id)) for w in slot.wraps]
        except (InvalidTag, KeyError, ValueError) as exc:
            raise KeySlotsDamaged("The key file of this office has been altered.") from exc
        if not keys or not hmac.compare_digest(sf.mac, sf.compute_mac(bytes(keys[0]))):
            raise KeySlotsDamaged("The key file of this office has been altered.")
        unlocked = Unlocked(keys=keys, slot=slot, private=private)
        self._confirm_rights(sf, slot, private, unlocked)
        if (
            not unlocked.problem
            and unlocked.office_keys is not None
            and unlocked.office_keys.signing is not None
            and slot.anchor is None
        ):
            # An administrator (or the recovery slot) holding the genuine signing key whose slot
            # was made before the office had keys, or by another chief: anchor the public keys in
            # it now that the secret is at hand. Failing to write is no reason to refuse the unlock.
            slot.anchor = sf.office_keys
            _seal_private(slot, private, secret)
            with contextlib.suppress(StorageFailed):
                self.save(sf, bytes(keys[0]))
        return unlocked

    @staticmethod
    def _confirm_rights(sf: SlotFile, slot: Slot, private: X25519PrivateKey, unlocked: Unlocked) -> None:
        """Fill in the office keys and the grant this slot gives, or the problem that prevents it."""
        if sf.office_keys is None:
            if any(s.anchor is not None or s.grant is not None for s in sf.slots):
                unlocked.problem = KEYS_REPLACED  # the keys were stripped to fake an older office
            return
        try:
            public = sf.public_keys()
        except (KeyError, ValueError):
            public = None
        if public is None or any(s.anchor is not None and s.anchor != sf.office_keys for s in sf.slots):
            unlocked.problem = KEYS_REPLACED
            return
        unlocked.office_keys = public
        grant = None
        if slot.kind == "user":
            grant = sf.verified_grant(slot)
            if grant is None:
                unlocked.problem = GRANT_INVALID
                return
        unlocked.grant = grant
        admin = slot.kind == "recovery" or (grant is not None and is_admin(grant.role))
        identity = admin or (grant is not None and Grant.IDENTITY in grant.grants)
        try:
            if admin and "signing" in slot.key_wraps:
                raw = unwrap(private, slot.key_wraps["signing"], slot.id, sf.office_id, "signing")
                public.signing = Ed25519PrivateKey.from_private_bytes(raw)
            if identity and "identity" in slot.key_wraps:
                raw = unwrap(private, slot.key_wraps["identity"], slot.id, sf.office_id, "identity")
                public.identity = X25519PrivateKey.from_private_bytes(raw)
        except (InvalidTag, KeyError, ValueError):
            unlocked.problem = KEYS_REPLACED
            return
        if not private_matches(public):
            unlocked.problem = KEYS_REPLACED

    def unlock(self, username: str, password: str) -> Unlocked:
        """Unlock with a user's password. Unknown user, empty or wrong password: WrongCredentials."""
        sf = self.load()
        slot = next((s for s in sf.slots if s.kind == "user" and s.username == username), None)
        if slot is None or not password:
            # Spend the same KDF time as a real attempt, so timing does not reveal user names.
            derive_kek(password or "x", b"\0" * 16, sf.slots[0].kdf)
            raise WrongCredentials()
        return self._unlock_slot(sf, slot, password)

    def unlock_recovery(self, recovery_key: str) -> Unlocked:
        sf = self.load()
        slot = next((s for s in sf.slots if s.kind == "recovery"), None)
        if slot is None:
            raise KeySlotsDamaged("This office has no recovery slot.")
        return self._unlock_slot(sf, slot, normalise_recovery_key(recovery_key))

    # -- changing slots (the caller is unlocked and holds the current data key) ------------------

    def set_password(
        self,
        data_key: bytes,
        username: str,
        new_password: str,
        kdf: KdfParams,
        rights: tuple[OfficeKeys, str, frozenset[str]] | None = None,
    ) -> None:
        """Create or replace ``username``'s slot with a new key pair sealed by ``new_password``.

        Used for adding a user and a chief's reset; one atomic rewrite. In an office with its own
        keys, ``rights`` (the office keys with the signing key, the role, the grants) is required:
        only an administrator can make a slot that unlocks.
        """
        check_password_policy(new_password)
        sf = self._verified(data_key)
        if sf.office_keys is not None and rights is None:
            raise PermissionDenied("Only the chief can set another user's password.")
        sf.slots = [s for s in sf.slots if not (s.kind == "user" and s.username == username)]
        sf.slots.append(
            _make_slot(
                "user",
                username,
                new_password,
                kdf,
                [data_key],
                sf.office_id,
                rights if sf.office_keys else None,
            )
        )
        self.save(sf, data_key)

    def change_password(
        self, data_key: bytes, username: str, old_password: str, new_password: str, kdf: KdfParams
    ) -> None:
        """A user's own change: the same slot key pair, sealed by the new password instead.

        Her signed grant and the office keys wrapped for her stay valid (they are bound to the
        slot's public key), so nobody else needs to sign anything. Wrong old password:
        ``WrongCredentials``, nothing written.
        """
        check_password_policy(new_password)
        sf = self._verified(data_key)
        slot = sf.user_slot(username)
        if slot is None:
            raise WrongCredentials()
        private = _open_private(slot, old_password)
        if private is None:
            raise WrongCredentials()
        slot.kdf = kdf
        slot.salt = secrets.token_bytes(16)
        _seal_private(slot, private, new_password)
        self.save(sf, data_key)

    def set_rights(
        self, data_key: bytes, username: str, keys: OfficeKeys, role: str, grants: frozenset[str]
    ) -> None:
        """Sign ``username``'s new role and grants and wrap the office keys they entitle her to."""
        sf = self._verified(data_key)
        slot = sf.user_slot(username)
        if slot is None:
            raise ValidationFailed({"username": NO_SUCH_USER})
        _give_rights(slot, sf.office_id, keys, role, grants)
        self.save(sf, data_key)

    def install_office_keys(
        self,
        data_key: bytes,
        keys: OfficeKeys,
        rights: dict[str, tuple[str, frozenset[str]]],
        own: tuple[str, str] | None = None,
    ) -> None:
        """An office set up before it had its own keys gets ``keys``: each user named in
        ``rights`` (username → role, grants) gets her signed grant and wrapped keys, the recovery
        slot both keys. ``own`` (username, password): the administrator doing it, whose slot is
        anchored at once (the others' at their next unlock)."""
        sf = self._verified(data_key)
        if sf.office_keys is not None:
            raise ValueError("this office already has its keys")
        sf.office_keys = keys.public_json()
        for slot in sf.slots:
            if slot.kind == "recovery":
                _give_rights(slot, sf.office_id, keys, "", frozenset())
            elif slot.username in rights:
                role, grants = rights[slot.username]
                _give_rights(slot, sf.office_id, keys, role, grants)
            else:
                slot.key_wraps, slot.grant = {}, None
        mine = None if own is None else sf.user_slot(own[0])
        if own is not None and mine is not None and _holds_signing_key(mine):
            private = _open_private(mine, own[1])
            if private is not None:
                mine.anchor = sf.office_keys
                _seal_private(mine, private, own[1])
        self.save(sf, data_key)

    def verified_grants(self) -> dict[str, UserGrant | None]:
        """Each user slot's grant, or None where it does not verify (checked by the chief)."""
        sf = self.load()
        return {s.username: sf.verified_grant(s) for s in sf.slots if s.kind == "user"}

    def has_office_keys(self) -> bool:
        return self.load().office_keys is not None

    def remove_user(self, data_key: bytes, username: str) -> None:
        sf = self._verified(data_key)
        remaining = [s for s in sf.slots if not (s.kind == "user" and s.username == username)]
        if len(remaining) == len(sf.slots):
            raise ValidationFailed({"username": NO_SUCH_USER})
        if not any(s.kind == "user" for s in remaining):
            raise ValidationFailed({"username": LAST_USER})
        sf.slots = remaining
        self.save(sf, data_key)

    def new_recovery(self, data_key: bytes, kdf: KdfParams, keys: OfficeKeys | None = None) -> str:
        """Replace the recovery slot; the old recovery key stops working."""
        sf = self._verified(data_key)
        if sf.office_keys is not None and keys is None:
            raise PermissionDenied("Only the chief can replace the recovery key.")
        recovery = new_recovery_key()
        sf.slots = [s for s in sf.slots if s.kind != "recovery"]
        rights = (keys, "", frozenset[str]()) if sf.office_keys is not None and keys is not None else None
        sf.slots.append(
            _make_slot(
                "recovery", "", normalise_recovery_key(recovery), kdf, [data_key], sf.office_id, rights
            )
        )
        self.save(sf, data_key)
        return recovery

    def begin_rotation(self, old_key: bytes, new_key: bytes) -> None:
        """Step 1 of re-keying: every slot wraps the new key first and still the old one."""
        sf = self._verified(old_key)
        for slot in sf.slots:
            slot.wraps = [wrap_to(slot.public_key, k, slot.id, sf.office_id) for k in (new_key, old_key)]
        self.save(sf, new_key)

    def finish_rotation(self, new_key: bytes) -> None:
        """Step 3 (after ``PRAGMA rekey``): drop the old key from every slot."""
        sf = self._verified(new_key)
        for slot in sf.slots:
            slot.wraps = [wrap_to(slot.public_key, new_key, slot.id, sf.office_id)]
        self.save(sf, new_key)

    def _verified(self, data_key: bytes) -> SlotFile:
        sf = self.load()
        if not hmac.compare_digest(sf.mac, sf.compute_mac(data_key)):
            raise KeySlotsDamaged("The key file of this office has been altered.")
        return sf
