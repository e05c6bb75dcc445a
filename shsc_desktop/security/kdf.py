"""The password KDF of the key slots: Argon2id, its cost parameters and policy, and the bounds a
slot read from disk must stay within before any password is run through it."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# Bounds a genuine slot never exceeds (checked by ``slotfile.Slot._check_shape``).
# 1 GiB: 16 times the policy, yet within what an office PC can give; an edited 4 GiB used to end
# in MemoryError (or the OOM killer) before any password was checked.
MAX_KDF_MEMORY_KIB = 1024 * 1024
MAX_KDF_ITERATIONS = 64
MAX_KDF_WORK_KIB = 4 * 1024 * 1024  # memory × passes: a few seconds at most, never hours
MAX_KDF_LANES = 16


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


def derive_kek(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(secret.encode("utf-8"))
