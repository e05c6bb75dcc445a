"""The key-slot file: its names on disk, the slot and file formats, parsing and serialising them.

The slot file is written atomically and then copied to a second file. Each copy carries a SHA-256
checksum (bit rot is detected before any password is tried: a damaged copy is skipped) and an HMAC
under a key derived from the data key (tampering by someone without the key is detected after
unlock). Of the readable copies, the one with the highest generation wins.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

from .identity import OfficeKeys, UserGrant, b64, canonical, grant_verifies, unb64
from .kdf import MAX_KDF_ITERATIONS, MAX_KDF_LANES, MAX_KDF_MEMORY_KIB, MAX_KDF_WORK_KIB, KdfParams
from .sealing import hkdf

SLOT_FILE = "keyslots.json"
SLOT_FILE_COPY = "keyslots.copy.json"
FORMAT = "shsc-keyslots"
FORMAT_VERSION = 2  # 2: office keys, signed grants (version 1 files are read, then upgraded)
READABLE_VERSIONS = (1, 2)
SEALED_PRIVATE_BYTES = 12 + 32 + 16  # nonce, X25519 private key, GCM tag


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
    # The office's public keys, bound into the header (so into the sealed private key's associated
    # data): only the slot's owner can write them. Administrators' and recovery slots carry them.
    anchor: dict[str, str] | None = None
    # The office's private keys this slot holds ("signing", "identity"), wrapped to ``public_key``.
    key_wraps: dict[str, dict[str, str]] = field(default_factory=dict)
    # {"role", "grants", "sig"}: what the office signing key says about this user (user slots).
    grant: dict[str, Any] | None = None

    def header(self) -> dict[str, Any]:
        head = {
            "id": self.id,
            "kind": self.kind,
            "username": self.username,
            "public_key": b64(self.public_key),
            "kdf": {
                "name": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
                "salt": b64(self.salt),
            },
        }
        if self.anchor is not None:
            head["office_keys"] = dict(self.anchor)
        return head

    def to_json(self) -> dict[str, Any]:
        obj = {**self.header(), "sealed_private": b64(self.sealed_private), "wraps": self.wraps}
        if self.key_wraps:
            obj["key_wraps"] = self.key_wraps
        if self.grant is not None:
            obj["grant"] = self.grant
        return obj

    def user_grant(self, office_id: str) -> tuple[UserGrant, bytes] | None:
        """This slot's grant and its signature as stored (unverified); None if it has none."""
        if self.grant is None:
            return None
        grant = UserGrant.from_json(self.grant, office_id, self.username, self.public_key)
        return grant, unb64(str(self.grant["sig"]))

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Slot:
        kdf = obj["kdf"]
        if kdf.get("name") != "argon2id":
            raise ValueError("unknown KDF")
        anchor = obj.get("office_keys")
        slot = cls(
            id=str(obj["id"]),
            kind=str(obj["kind"]),
            username=str(obj["username"]),
            public_key=unb64(obj["public_key"]),
            kdf=KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"])),
            salt=unb64(kdf["salt"]),
            sealed_private=unb64(obj["sealed_private"]),
            wraps=[{str(k): str(v) for k, v in dict(w).items()} for w in obj["wraps"]],
            anchor=None if anchor is None else _str_dict(anchor),
            key_wraps={str(name): _str_dict(w) for name, w in dict(obj.get("key_wraps", {})).items()},
            grant=dict(obj["grant"]) if obj.get("grant") is not None else None,
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
            and k.memory_kib * k.iterations <= MAX_KDF_WORK_KIB
            and 16 <= len(self.salt) <= 64
            and len(self.public_key) == 32
            and len(self.sealed_private) == SEALED_PRIVATE_BYTES
        ):
            raise ValueError("implausible slot")


def _str_dict(obj: Any) -> dict[str, str]:
    if not isinstance(obj, dict):
        raise ValueError("expected an object")
    return {str(k): str(v) for k, v in obj.items()}


@dataclass
class SlotFile:
    office_id: str
    generation: int
    office: dict[str, str]  # level, code, names: shown on the unlock window
    slots: list[Slot]
    mac: str = ""
    # The office's public keys ("signing", "identity"); None in an office set up before they existed.
    office_keys: dict[str, str] | None = None
    version: int = FORMAT_VERSION  # as read (the MAC covers it); every save writes the current one
    # State that must be written while locked, so it cannot be sealed (the back-off after failed
    # unlocks). Kept here because this file cannot be deleted without losing every password, and
    # covered by the checksum only.
    side: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "format": FORMAT,
            "version": self.version,
            "office_id": self.office_id,
            "generation": self.generation,
            "office": self.office,
            "slots": [s.to_json() for s in self.slots],
        }
        if self.office_keys is not None:
            body["office_keys"] = self.office_keys
        return body

    def compute_mac(self, data_key: bytes) -> str:
        return hmac.new(
            hkdf(data_key, b"shsc slot-file mac v1"), canonical(self.body()), hashlib.sha256
        ).hexdigest()

    def serialise(self) -> bytes:
        doc: dict[str, Any] = {"body": self.body(), "mac": self.mac}
        if self.side:
            doc["side"] = self.side
        doc["checksum"] = hashlib.sha256(canonical(doc)).hexdigest()
        return json.dumps(doc, indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def parse(cls, raw: bytes) -> SlotFile:
        """Parse one copy; any damage raises ``ValueError`` (the caller tries the other copy)."""
        doc = json.loads(raw.decode("utf-8"))
        checksum = doc.pop("checksum")
        if not hmac.compare_digest(checksum, hashlib.sha256(canonical(doc)).hexdigest()):
            raise ValueError("checksum mismatch")
        body = doc["body"]
        if body.get("format") != FORMAT or body.get("version") not in READABLE_VERSIONS:
            raise ValueError("unknown slot file format")
        if not body["slots"]:
            # Every slot file we write has a user and a recovery slot; unlocking relies on one.
            raise ValueError("no slots")
        side = doc.get("side", {})
        if not isinstance(side, dict):
            raise ValueError("side state is not an object")
        return cls(
            side=side,
            office_id=str(body["office_id"]),
            generation=int(body["generation"]),
            office={str(k): str(v) for k, v in body["office"].items()},
            slots=[Slot.from_json(s) for s in body["slots"]],
            mac=str(doc["mac"]),
            office_keys=None if body.get("office_keys") is None else _str_dict(body["office_keys"]),
            version=int(body["version"]),
        )

    def user_slot(self, username: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == "user" and s.username == username), None)

    def public_keys(self) -> OfficeKeys | None:
        """The office's public keys as recorded (unchecked); None for an office without them."""
        if self.office_keys is None:
            return None
        return OfficeKeys(unb64(self.office_keys["signing"]), unb64(self.office_keys["identity"]))

    def verified_grant(self, slot: Slot) -> UserGrant | None:
        """``slot``'s grant if the office signing key signed it for this very slot, else None."""
        public = self.public_keys()
        if public is None:
            return None
        try:
            found = slot.user_grant(self.office_id)
        except (KeyError, ValueError, TypeError):
            return None
        if found is None or not grant_verifies(public.signing_public, *found):
            return None
        return found[0]
