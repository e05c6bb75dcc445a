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

The slot file is written atomically and then copied to a second file. Each copy carries a SHA-256
checksum (bit rot is detected before any password is tried: a damaged copy is skipped) and an HMAC
under a key derived from the data key (tampering by someone without the key is detected after
unlock). Of the readable copies, the one with the highest generation wins.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ..atomic import atomic_write_bytes
from ..errors import KeySlotsDamaged, StorageFailed, ValidationFailed, WrongCredentials

SLOT_FILE = "keyslots.json"
SLOT_FILE_COPY = "keyslots.copy.json"
FORMAT = "shsc-keyslots"
FORMAT_VERSION = 1
DATA_KEY_BYTES = 32
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud safely
RECOVERY_GROUPS = 8
RECOVERY_GROUP_LEN = 5
MIN_PASSWORD_LENGTH = 8
# Bounds a genuine slot never exceeds (see Slot._check_shape).
MAX_KDF_MEMORY_KIB = 4 * 1024 * 1024  # 4 GiB
MAX_KDF_ITERATIONS = 64
MAX_KDF_LANES = 16
SEALED_PRIVATE_BYTES = 12 + 32 + 16  # nonce, X25519 private key, GCM tag


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. ``memory_kib`` and ``iterations`` are the policy knobs (RFC 9106 §4)."""

    memory_kib: int
    iterations: int
    lanes: int

    @classmethod
    def production(cls) -> KdfParams:
        # RFC 9106 second recommendation: 64 MiB, t=3, p=4.
        return cls(memory_kib=64 * 1024, iterations=3, lanes=4)

    @classmethod
    def fast_for_tests(cls) -> KdfParams:
        return cls(memory_kib=64, iterations=1, lanes=1)

    def meets_policy(self) -> bool:
        return self.memory_kib >= 64 * 1024 and self.iterations >= 3 and 1 <= self.lanes <= 4


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _hkdf(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret)


def normalise_recovery_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def new_recovery_key() -> str:
    chars = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = ["".join(chars[i : i + RECOVERY_GROUP_LEN]) for i in range(0, len(chars), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(
            {"password": f"The password must have at least {MIN_PASSWORD_LENGTH} characters."}
        )


@dataclass
class Slot:
    id: str
    kind: str  # "user" or "recovery"
    username: str  # "" for the recovery slot
    public_key: bytes
    kdf: KdfParams
    salt: bytes
    sealed_private: bytes  # nonce ‖ AES-GCM(kek, private key)
    wraps: list[dict[str, str]] = field(default_factory=list)  # newest data key first

    def header(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "username": self.username,
            "public_key": _b64(self.public_key),
            "kdf": {
                "name": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
                "salt": _b64(self.salt),
            },
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.header(), "sealed_private": _b64(self.sealed_private), "wraps": self.wraps}

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Slot:
        kdf = obj["kdf"]
        if kdf.get("name") != "argon2id":
            raise ValueError("unknown KDF")
        slot = cls(
            id=str(obj["id"]),
            kind=str(obj["kind"]),
            username=str(obj["username"]),
            public_key=_unb64(obj["public_key"]),
            kdf=KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])),
            salt=_unb64(kdf["salt"]),
            sealed_private=_unb64(obj["sealed_private"]),
            wraps=[{str(k): str(v) for k, v in dict(w).items()} for w in obj["wraps"]],
        )
        slot._check_shape()
        return slot

    def _check_shape(self) -> None:
        """Reject values no slot we write can have, *before* Argon2id or AES-GCM sees them.

        The checksum only catches bit rot; someone who edits the file and recomputes it could
        otherwise make unlocking crash (iterations 0, a short nonce) or hang for hours (a huge
        memory or time cost). Such a copy is treated as damaged instead.
        """
        k = self.kdf
        if not (
            self.kind in ("user", "recovery")
            and 1 <= k.lanes <= MAX_KDF_LANES
            and 8 * k.lanes <= k.memory_kib <= MAX_KDF_MEMORY_KIB
            and 1 <= k.iterations <= MAX_KDF_ITERATIONS
            and 16 <= len(self.salt) <= 64
            and len(self.public_key) == 32
            and len(self.sealed_private) == SEALED_PRIVATE_BYTES
        ):
            raise ValueError("implausible slot")


def _derive_kek(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(secret.encode("utf-8"))


def _wrap_to(public_key: bytes, data_key: bytes, slot_id: str, office_id: str) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    eph_pub = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    wrap_key = _hkdf(shared + eph_pub, b"shsc wrap v1")
    nonce = secrets.token_bytes(12)
    aad = f"{office_id}:{slot_id}".encode()
    ct = AESGCM(wrap_key).encrypt(nonce, data_key, aad)
    return {"ephemeral": _b64(eph_pub), "nonce": _b64(nonce), "ct": _b64(ct)}


def _unwrap(private: X25519PrivateKey, wrap: dict[str, str], slot_id: str, office_id: str) -> bytes:
    eph_pub = _unb64(wrap["ephemeral"])
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    wrap_key = _hkdf(shared + eph_pub, b"shsc wrap v1")
    aad = f"{office_id}:{slot_id}".encode()
    return AESGCM(wrap_key).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["ct"]), aad)


def seal_to(public_key: bytes, plaintext: bytes, context: str) -> bytes:
    """Encrypt ``plaintext`` so that only the holder of ``public_key``'s private half opens it
    (ephemeral X25519 + HKDF-SHA256 + AES-GCM, ``context`` bound as associated data).

    Used for form drafts: sealed to the user's slot key when the office locks, they open only after
    *her* password has opened her slot again; nobody else's password, and not the data key, can.
    """
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public_key))
    eph_pub = ephemeral.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = _hkdf(shared + eph_pub, b"shsc sealed v1")
    nonce = secrets.token_bytes(12)
    return eph_pub + nonce + AESGCM(key).encrypt(nonce, plaintext, context.encode())


def open_sealed(private: X25519PrivateKey, sealed: bytes, context: str) -> bytes | None:
    """The plaintext of :func:`seal_to`, or ``None`` if this key or context does not open it."""
    if len(sealed) < 32 + 12 + 16:
        return None
    eph_pub, nonce, ct = sealed[:32], sealed[32:44], sealed[44:]
    shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
    key = _hkdf(shared + eph_pub, b"shsc sealed v1")
    try:
        return AESGCM(key).decrypt(nonce, ct, context.encode())
    except InvalidTag:
        return None


def _make_slot(
    kind: str, username: str, secret: str, kdf: KdfParams, data_keys: list[bytes], office_id: str
) -> Slot:
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
    _seal_private(slot, private, secret)
    slot.wraps = [_wrap_to(public, k, slot.id, office_id) for k in data_keys]
    return slot


def _seal_private(slot: Slot, private: X25519PrivateKey, secret: str) -> None:
    kek = _derive_kek(secret, slot.salt, slot.kdf)
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    nonce = secrets.token_bytes(12)
    slot.sealed_private = nonce + AESGCM(kek).encrypt(nonce, raw, _canonical(slot.header()))


def _open_private(slot: Slot, secret: str) -> X25519PrivateKey | None:
    kek = _derive_kek(secret, slot.salt, slot.kdf)
    nonce, ct = slot.sealed_private[:12], slot.sealed_private[12:]
    try:
        raw = AESGCM(kek).decrypt(nonce, ct, _canonical(slot.header()))
    except InvalidTag:
        return None
    return X25519PrivateKey.from_private_bytes(raw)


@dataclass
class SlotFile:
    office_id: str
    generation: int
    office: dict[str, str]  # level, code, names: shown on the unlock window
    slots: list[Slot]
    mac: str = ""

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "office_id": self.office_id,
            "generation": self.generation,
            "office": self.office,
            "slots": [s.to_json() for s in self.slots],
        }

    def compute_mac(self, data_key: bytes) -> str:
        return hmac.new(
            _hkdf(data_key, b"shsc slot-file mac v1"), _canonical(self.body()), hashlib.sha256
        ).hexdigest()

    def serialise(self) -> bytes:
        doc = {"body": self.body(), "mac": self.mac}
        doc["checksum"] = hashlib.sha256(_canonical(doc)).hexdigest()
        return json.dumps(doc, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def parse(cls, raw: bytes) -> SlotFile:
        """Parse one copy; any damage raises ``ValueError`` (the caller tries the other copy)."""
        doc = json.loads(raw.decode("utf-8"))
        checksum = doc.pop("checksum")
        if not hmac.compare_digest(checksum, hashlib.sha256(_canonical(doc)).hexdigest()):
            raise ValueError("checksum mismatch")
        body = doc["body"]
        if body.get("format") != FORMAT or body.get("version") != FORMAT_VERSION:
            raise ValueError("unknown slot file format")
        if not body["slots"]:
            # Every slot file we write has a user and a recovery slot; unlocking relies on one.
            raise ValueError("no slots")
        return cls(
            office_id=str(body["office_id"]),
            generation=int(body["generation"]),
            office={str(k): str(v) for k, v in body["office"].items()},
            slots=[Slot.from_json(s) for s in body["slots"]],
            mac=str(doc["mac"]),
        )


@dataclass
class Unlocked:
    """What a successful unlock yields: the candidate data keys, newest first, and the slot used."""

    keys: list[bytearray]
    slot: Slot
    private: X25519PrivateKey | None = None  # the slot's key pair, opened by the password

    def wipe(self) -> None:
        for k in self.keys:
            for i in range(len(k)):
                k[i] = 0


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

    # -- writing --------------------------------------------------------------------------------

    def save(self, slot_file: SlotFile, data_key: bytes) -> None:
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
    ) -> tuple[bytearray, str]:
        """A new slot file with the first user and a recovery slot; returns (data key, recovery key)."""
        check_password_policy(password)
        data_key = bytearray(secrets.token_bytes(DATA_KEY_BYTES))
        office_id = secrets.token_hex(16)
        recovery = new_recovery_key()
        slots = [
            _make_slot("user", username, password, kdf, [bytes(data_key)], office_id),
            _make_slot(
                "recovery",
                "",
                normalise_recovery_key(recovery),
                recovery_kdf or kdf,
                [bytes(data_key)],
                office_id,
            ),
        ]
        sf = SlotFile(office_id=office_id, generation=0, office=dict(office), slots=slots)
        self.save(sf, bytes(data_key))
        return data_key, recovery

    # -- unlocking ------------------------------------------------------------------------------

    def _unlock_slot(self, sf: SlotFile, slot: Slot, secret: str) -> Unlocked:
        private = _open_private(slot, secret)
        if private is None:
            raise WrongCredentials()
        try:
            keys = [bytearray(_unwrap(private, w, slot.id, sf.office_id)) for w in slot.wraps]
        except (InvalidTag, KeyError, ValueError) as exc:
            raise KeySlotsDamaged("The key file of this office has been altered.") from exc
        if not keys or not hmac.compare_digest(sf.mac, sf.compute_mac(bytes(keys[0]))):
            raise KeySlotsDamaged("The key file of this office has been altered.")
        return Unlocked(keys=keys, slot=slot, private=private)

    def unlock(self, username: str, password: str) -> Unlocked:
        """Unlock with a user's password. Unknown user, empty or wrong password: WrongCredentials."""
        sf = self.load()
        slot = next((s for s in sf.slots if s.kind == "user" and s.username == username), None)
        if slot is None or not password:
            # Spend the same KDF time as a real attempt, so timing does not reveal user names.
            _derive_kek(password or "x", b"\0" * 16, sf.slots[0].kdf)
            raise WrongCredentials()
        return self._unlock_slot(sf, slot, password)

    def unlock_recovery(self, recovery_key: str) -> Unlocked:
        sf = self.load()
        slot = next((s for s in sf.slots if s.kind == "recovery"), None)
        if slot is None:
            raise KeySlotsDamaged("This office has no recovery slot.")
        return self._unlock_slot(sf, slot, normalise_recovery_key(recovery_key))

    # -- changing slots (the caller is unlocked and holds the current data key) ------------------

    def set_password(self, data_key: bytes, username: str, new_password: str, kdf: KdfParams) -> None:
        """Create or replace ``username``'s slot with a new key pair sealed by ``new_password``.

        Used for adding a user, a chief's reset and a user's own change; one atomic rewrite.
        """
        check_password_policy(new_password)
        sf = self._verified(data_key)
        sf.slots = [s for s in sf.slots if not (s.kind == "user" and s.username == username)]
        sf.slots.append(_make_slot("user", username, new_password, kdf, [data_key], sf.office_id))
        self.save(sf, data_key)

    def remove_user(self, data_key: bytes, username: str) -> None:
        sf = self._verified(data_key)
        remaining = [s for s in sf.slots if not (s.kind == "user" and s.username == username)]
        if len(remaining) == len(sf.slots):
            raise ValidationFailed({"username": "No such user."})
        if not any(s.kind == "user" for s in remaining):
            raise ValidationFailed({"username": "The last user cannot be removed."})
        sf.slots = remaining
        self.save(sf, data_key)

    def new_recovery(self, data_key: bytes, kdf: KdfParams) -> str:
        """Replace the recovery slot; the old recovery key stops working."""
        sf = self._verified(data_key)
        recovery = new_recovery_key()
        sf.slots = [s for s in sf.slots if s.kind != "recovery"]
        sf.slots.append(
            _make_slot("recovery", "", normalise_recovery_key(recovery), kdf, [data_key], sf.office_id)
        )
        self.save(sf, data_key)
        return recovery

    def begin_rotation(self, old_key: bytes, new_key: bytes) -> None:
        """Step 1 of re-keying: every slot wraps the new key first and still the old one."""
        sf = self._verified(old_key)
        for slot in sf.slots:
            slot.wraps = [_wrap_to(slot.public_key, k, slot.id, sf.office_id) for k in (new_key, old_key)]
        self.save(sf, new_key)

    def finish_rotation(self, new_key: bytes) -> None:
        """Step 3 (after ``PRAGMA rekey``): drop the old key from every slot."""
        sf = self._verified(new_key)
        for slot in sf.slots:
            slot.wraps = [_wrap_to(slot.public_key, new_key, slot.id, sf.office_id)]
        self.save(sf, new_key)

    def _verified(self, data_key: bytes) -> SlotFile:
        sf = self.load()
        if not hmac.compare_digest(sf.mac, sf.compute_mac(data_key)):
            raise KeySlotsDamaged("The key file of this office has been altered.")
        return sf
