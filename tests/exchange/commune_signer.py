"""Validly signed bundles with any content, made with a real, enrolled commune's own keys.

The adversary here is an office whose keys are genuine (a compromised or faulty commune PC): the
signature, the chain and the recipient all check out, so only the district's own rules stand between
its payload and the district's totals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import func, select

from shsc_desktop.exports.bundle_build import build_bundle, envelope, full_payload, sign_content
from shsc_desktop.exports.bundle_payload import canonical_json, make_payload, vouched_digest
from shsc_desktop.models.tables import BundleReceived, ImportedStatistics
from shsc_desktop.security import keystore
from shsc_desktop.security.identity import OfficeKeys, vouch
from shsc_desktop.security.keystore import DbKeyStore
from shsc_desktop.security.pki import Purpose
from shsc_desktop.services.office import UnlockedOffice
from shsc_desktop.services.statistics import StatisticsService

AUDIT_HASH = "cd" * 32


@dataclass
class CommuneSigner:
    code: str
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    crls: list[x509.CertificateRevocationList]
    recipient: x509.Certificate
    office_keys: OfficeKeys | None = None  # the office's own keys (the chief's session): vouch as it does

    @classmethod
    def of(cls, office: UnlockedOffice) -> CommuneSigner:
        with office.reading() as s:
            store = DbKeyStore(s)
            cert, recipient = store.cert("signing"), store.cert("recipient")
            assert cert is not None and recipient is not None
            return cls(
                office.info.code,
                store.key(Purpose.SIGNING, office.data_key, office.keys),
                cert,
                store.chain()[:-1],
                keystore.stored_crls(s),
                recipient,
                _kept(office.keys),
            )

    @classmethod
    def of_district(cls, office: UnlockedOffice) -> CommuneSigner:
        """A district's own keys, signing to the ministry as its exports do (its CA and its CRLs)."""
        with office.reading() as s:
            store = DbKeyStore(s)
            cert, recipient, own = store.cert("signing"), store.cert("recipient"), store.own_crl()
            ca = store.cert("ca")
            assert cert is not None and recipient is not None and own is not None and ca is not None
            return cls(
                office.info.code,
                store.key(Purpose.SIGNING, office.data_key, office.keys),
                cert,
                (ca,),
                [own, *keystore.stored_crls(s)],
                recipient,
                _kept(office.keys),
            )

    def bundle(
        self,
        folder: Path,
        tables: dict[str, Any] | None,
        *,
        period: str,
        sequence: int = 1,
        revision: int = 1,
        created_at: dt.datetime | None = None,
        audit_head: tuple[int, str] = (7, AUDIT_HASH),
        name: str = "",
        nil_report: bool | None = None,
        unchecked: bool = False,
    ) -> Path:
        """``unchecked``: sign even a payload ``build_bundle`` refuses to emit (a hostile office)."""
        payload = make_payload(
            sequence=sequence,
            period=period,
            revision=revision,
            audit_head=audit_head,
            tables=tables,
            created_at=created_at,
            nil_report=nil_report,
        )
        if self.office_keys is not None and self.office_keys.signing is not None:
            digest = vouched_digest(full_payload(payload, self.cert, self.recipient))
            payload["office_keys"] = vouch(self.office_keys, digest)
        if unchecked:
            body = canonical_json(full_payload(payload, self.cert, self.recipient))
            data = envelope(sign_content(body, self.key, self.cert, self.chain, self.crls), self.recipient)
        else:
            data = build_bundle(payload, self.key, self.cert, self.chain, self.crls, self.recipient)
        folder.mkdir(parents=True, exist_ok=True)
        name = name or f"{self.code}-{period}-s{sequence}-r{revision}-{payload['bundle_id'][:8]}.shsc"
        path = folder / name
        path.write_bytes(data)
        return path


def _kept(keys: OfficeKeys | None) -> OfficeKeys | None:
    """A copy that outlives the session: locking the office forgets the private halves it holds."""
    return None if keys is None else dataclasses.replace(keys)


def stored(office: UnlockedOffice) -> tuple[int, int]:
    """What the office holds from below: (imported statistics rows, bundles received). A refused
    bundle leaves both as they were."""
    with office.reading() as s:
        return (
            int(s.scalar(select(func.count()).select_from(ImportedStatistics)) or 0),
            int(s.scalar(select(func.count()).select_from(BundleReceived)) or 0),
        )


def genuine_tables(office: UnlockedOffice, period: str) -> dict[str, Any]:
    """What the commune's own statistics service would send for ``period``."""
    return {t.key: t.to_dict() for t in StatisticsService(office).monthly(period).tables}
