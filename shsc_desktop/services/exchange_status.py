"""What the Exchange section shows before it acts: this office's certificate status, the months it may
export, and a look inside a certificate request or package before answering or installing it.

Reading only (nothing here changes the database); the acts themselves stay in
:class:`~shsc_desktop.services.enrolment.EnrolmentService` and
:class:`~shsc_desktop.services.exchange_export.ExportService`, so the GUI and the command line do the same
thing. Previews run the same checks as the acts (``pki_enrolment.parse_request``,
``pki_enrolment.accept_package``), so what the user compares on the phone is exactly what will be
installed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from sqlalchemy import select

from ..errors import EnrolmentRejected
from ..models.gazetteer import office_names
from ..models.tables import Month
from ..security import keystore, pki, pki_enrolment
from ..security.keystore import DbKeyStore
from ..security.permissions import Perm, require
from ..security.pki import Level
from ..values import period as period_values
from .enrolment import _read
from .exchange_office import ExchangeOffice


@dataclass(frozen=True)
class CertificateStatus:
    """This office's place in the trust chain, as the Exchange section shows it."""

    level: str
    enrolled: bool
    request_pending: bool  # a request was written and its package not installed yet
    subject: str  # e.g. "SHSC commune 120101"
    issuer: str  # e.g. "SHSC district CA 1201"
    valid_until: dt.datetime | None
    revoked: bool  # known revoked by a revocation list this office holds
    fingerprints: dict[str, str]


@dataclass(frozen=True)
class RequestPreview:
    """A lower office's certificate request, before it is answered."""

    path: Path
    code: str
    level: str
    name_km: str
    name_en: str
    fingerprint: str  # of the request file: the lower office reads the same one out


@dataclass(frozen=True)
class PackagePreview:
    """A certificate package from the office above, checked but not installed yet."""

    path: Path
    code: str
    level: str
    fingerprints: dict[str, str]  # purpose, root, recipient → fingerprint


def _common_name(name: x509.Name) -> str:
    values = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(values[0].value) if values else name.rfc4514_string()


class ExchangeStatusService(ExchangeOffice):
    def certificate_status(self) -> CertificateStatus:
        """Valid until, issuer and revocation of the certificate this office signs (or certifies) with."""
        require(self.actor, Perm.REPORTS)
        with self.office.reading() as s:
            store = DbKeyStore(s)
            main = store.cert("root") if self.level is Level.MINISTRY else store.cert("signing")
            enrolled = main is not None and (
                self.level is Level.MINISTRY or store.cert("recipient") is not None
            )
            fingerprints = {}
            for name in ("root", "ca", "signing", "encryption", "recipient"):
                cert = store.cert(name)
                if cert is not None:
                    fingerprints[name] = pki.fingerprint(cert)
            root = keystore.pinned_root(s)
            if root is not None:
                fingerprints["root"] = pki.fingerprint(root)
            revoked = False
            if main is not None and self.level is not Level.MINISTRY:
                for crl in keystore.stored_crls(s):
                    if crl.issuer == main.issuer and crl.get_revoked_certificate_by_serial_number(
                        main.serial_number
                    ):
                        revoked = True
            return CertificateStatus(
                level=str(self.level),
                enrolled=enrolled,
                request_pending=store.get("request") is not None,
                subject=_common_name(main.subject) if main is not None else "",
                issuer=_common_name(main.issuer) if main is not None else "",
                valid_until=main.not_valid_after_utc if main is not None else None,
                revoked=revoked,
                fingerprints=fingerprints,
            )

    def exportable_months(self, count: int = 12) -> list[str]:
        """Approved months among the last ``count`` (newest first): the only ones that may be sent."""
        require(self.actor, Perm.EXPORT)
        now = self.clock()
        current = f"{now.year:04d}-{now.month:02d}"
        periods = [period_values.shift(current, -i) for i in range(count)]
        with self.office.reading() as s:
            rows = s.scalars(select(Month).where(Month.period.in_(periods), Month.status == "approved"))
            approved = {r.period for r in rows}
        return [p for p in periods if p in approved]

    def month_approved(self, period: str) -> bool:
        require(self.actor, Perm.REPORTS)
        with self.office.reading() as s:
            row = s.get(Month, period)
            return row is not None and row.status == "approved"

    def preview_request(self, path: Path) -> RequestPreview:
        """Open a lower office's request file: who asks, and the fingerprint to compare by phone."""
        require(self.actor, Perm.ENROL)
        data = _read(Path(path), "certificate request")
        req = pki_enrolment.parse_request(data)
        below = Level.COMMUNE if self.level is Level.DISTRICT else Level.DISTRICT
        if self.level is Level.COMMUNE or req.level is not below:
            raise EnrolmentRejected("wrong_level", "This request is not from an office below this one.")
        if self.level is Level.DISTRICT and not req.code.startswith(self.code):
            raise EnrolmentRejected("wrong_level", "This commune is not in this district.")
        try:
            names = office_names(str(req.level), req.code)
        except LookupError:
            names = {"name_km": req.names.get("km", ""), "name_en": req.names.get("en", "")}
        return RequestPreview(
            Path(path),
            req.code,
            str(req.level),
            names.get("name_km", ""),
            names.get("name_en", ""),
            pki_enrolment.request_fingerprint(data),
        )

    def preview_package(self, path: Path) -> PackagePreview:
        """Check a certificate package against our pending request without installing it."""
        require(self.actor, Perm.ENROL)
        data = _read(Path(path), "certificate package")
        with self.office.reading() as s:
            request = DbKeyStore(s).get("request")
            if request is None:
                raise EnrolmentRejected("wrong_request", "This office has no pending certificate request.")
            pkg = pki_enrolment.accept_package(data, request, keystore.pinned_root(s), self.clock())
        return PackagePreview(Path(path), pkg.code, str(pkg.level), pkg.fingerprints())
