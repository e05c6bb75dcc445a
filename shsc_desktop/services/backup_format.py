"""The backup file (``*.shscbak``): what it holds, and reading and checking one.

A backup file is a ZIP archive (stored, not compressed) holding:

* ``office.db`` — a page-for-page copy made with SQLite's online backup API into a new SQLCipher
  file keyed with the same data key (encrypted to encrypted; nothing is ever decrypted to disk);
* ``keyslots.json`` — the key slots, so the backup opens with the passwords and the recovery key
  that were valid when it was taken;
* ``manifest.json`` — when, which office, app and schema version, audit head and record counts,
  authenticated with an HMAC under a key derived from the data key.

This module knows that format: the members' names and limits, the manifest's MAC, the checks of a
copied database (every page, the audit chain, the counts) and of an archive read from outside
(``read_manifest``). Writing one is ``backup``, restoring one ``restore``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import BackupInvalid
from ..inputs import regular_file_size
from ..models.engine import connect_raw, integrity_problems, make_engine, session_factory
from ..models.tables import AuditEntry, Contact, Incident, Meeting, Referral
from ..security import audit
from ..security.sealing import hkdf

BACKUP_SUFFIX = ".shscbak"
MANIFEST = "manifest.json"
DB_MEMBER = "office.db"
SLOTS_MEMBER = "keyslots.json"
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_BACKUP_BYTES = 8 * 1024**3  # a district after decades of imports stays far below this

# What zipfile raises on a damaged archive. Besides BadZipFile: a flipped compression-method byte
# gives NotImplementedError (or zlib.error if it now says "deflated"), a flipped flag bit
# RuntimeError ("encrypted"), a cut-off member EOFError. All mean "damaged backup", not a crash.
ZIP_DAMAGE: tuple[type[BaseException], ...] = (
    OSError,
    zipfile.BadZipFile,
    NotImplementedError,
    RuntimeError,
    EOFError,
    zlib.error,
)
MANIFEST_DAMAGE: tuple[type[BaseException], ...] = (*ZIP_DAMAGE, KeyError, ValueError)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: str
    office_code: str
    office_name_en: str
    audit_seq: int
    counts: dict[str, int]


def _counts(session: Session) -> dict[str, int]:
    out: dict[str, int] = {}
    for name, model in (
        ("incidents", Incident),
        ("referrals", Referral),
        ("meetings", Meeting),
        ("contacts", Contact),
        ("audit", AuditEntry),
    ):
        out[name] = int(session.scalar(select(func.count()).select_from(model)) or 0)
    return out


def manifest_mac(data_key: bytes, manifest: dict[str, Any]) -> str:
    body = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    return hmac.new(hkdf(data_key, b"shsc backup manifest v1"), body, hashlib.sha256).hexdigest()


def verify_copy(db_path: Path, data_key: bytes) -> tuple[int, dict[str, int], str]:
    """Open a copied database, check every page and the audit chain; (audit seq, counts, head hash)."""
    conn = connect_raw(db_path, data_key)
    try:
        if integrity_problems(conn):
            raise BackupInvalid("The backup copy failed its integrity check.")
    except sqlcipher3.DatabaseError as exc:  # a page so damaged that the check itself fails
        raise BackupInvalid("The database in the backup is damaged.") from exc
    finally:
        conn.close()
    engine = make_engine(db_path, data_key)
    try:
        with session_factory(engine)() as s:
            report = audit.verify(s)
            if not report.ok:
                raise BackupInvalid("The audit log in the backup copy does not verify.")
            return report.head_seq, _counts(s), report.head_hash
    except sqlalchemy_exc.DatabaseError as exc:
        raise BackupInvalid("The database in the backup is damaged.") from exc
    finally:
        engine.dispose()


def _check_archive(file: Path, zf: zipfile.ZipFile) -> None:
    """Every member stored (we never compress) and no larger than the archive: no zip bomb can
    fill the disk, whatever sizes a forged directory claims."""
    size = regular_file_size(file)
    for info in zf.infolist():
        if info.compress_type != zipfile.ZIP_STORED or info.file_size > size:
            raise BackupInvalid("This is not a readable SHSC Desktop backup file.")


def read_manifest(file: Path) -> dict[str, Any]:
    """The unauthenticated manifest of a backup file (for display before restoring)."""
    try:
        # A pipe or a device is refused before zipfile opens it (it would wait or read forever).
        if regular_file_size(Path(file)) > MAX_BACKUP_BYTES:
            raise BackupInvalid("The file is far larger than any office's backup; it was not read.")
        with zipfile.ZipFile(file) as zf:
            _check_archive(Path(file), zf)
            if zf.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
                raise BackupInvalid("This is not a readable SHSC Desktop backup file.")
            manifest = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != "shsc-backup":
                raise BackupInvalid("This is not an SHSC Desktop backup file.")
            return manifest
    except MANIFEST_DAMAGE as exc:
        raise BackupInvalid("This is not a readable SHSC Desktop backup file.") from exc
