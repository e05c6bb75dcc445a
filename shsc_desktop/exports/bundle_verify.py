"""Verifying a SignedData by hand: its signature, the chain to the pinned ministry root (with the
validity periods) and revocation (CRLs), with the per-batch ``VerifyCache``. Used for the inside of
a bundle (``bundle_open``) and for a district's return notice (``notice``); the content is not
interpreted here.

``cryptography`` 50 cannot verify SignedData: ``asn1crypto`` parses it, ``cryptography`` checks the
signatures; tested against the ``openssl`` command line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from asn1crypto import cms as acms
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from ..errors import BundleRejected
from ..security.pki import Identity, Level, TrustStore, crl_number, identity_of
from .bundle_payload import reject

# asn1crypto parses lazily and reports bad DER with these exception types.
ASN1_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError)

CANNOT_DECRYPT = (
    "This file cannot be decrypted with this office's key: it was not sent to this office, or it is damaged."
)


@dataclass(frozen=True)
class _Signed:
    content: bytes
    signer: x509.Certificate
    certs: list[x509.Certificate]
    crls: list[x509.CertificateRevocationList]


@dataclass(frozen=True)
class _Parsed:
    """The inner SignedData, read completely: certificates and CRLs already loaded by ``cryptography``."""

    signed_data: acms.SignedData
    certs: list[tuple[acms.Certificate, x509.Certificate]]
    crls: list[x509.CertificateRevocationList]


def _parse_signed(inner: bytes, cache: VerifyCache | None = None) -> _Parsed:
    # Every byte of the SignedData is read here, inside the try: the small fields by asn1crypto
    # (``.native`` decodes each value), the certificates and CRLs by cryptography's strict DER
    # parser. (``signed_data.native`` on the whole would turn the certificates and CRLs into Python
    # dicts as well: two thirds of the time of opening a bundle, for values nobody reads.)
    try:
        info = acms.ContentInfo.load(inner, strict=True)
        if info["content_type"].native != "signed_data":
            raise ValueError("not signed data")
        signed_data = info["content"]
        certs: list[tuple[acms.Certificate, x509.Certificate]] = []
        crls: list[x509.CertificateRevocationList] = []
        for name in signed_data:
            value = signed_data[name]
            if name == "certificates":
                for choice in value or []:
                    if choice.name == "certificate":
                        der = choice.chosen.dump()
                        known = cache._certs.get(der) if cache is not None else None
                        if known is None:
                            cert = x509.load_der_x509_certificate(der)
                            cert.subject, cert.issuer  # noqa: B018 - names decode here, not in the chain check
                            known = (choice.chosen, cert)
                            if cache is not None:
                                cache.remember_cert(der, known)
                        certs.append(known)
                    else:
                        choice.native  # noqa: B018 - other certificate formats: parse them here
            elif name == "crls":
                for choice in value or []:
                    if choice.name == "crl":
                        der = choice.chosen.dump()
                        crl = cache._crls.get(der) if cache is not None else None
                        if crl is None:
                            crl = x509.load_der_x509_crl(der)
                            crl.issuer  # noqa: B018 - decoded here, like the certificates' names
                            if cache is not None:
                                cache.remember_crl(der, crl)
                        crls.append(crl)
                    else:
                        choice.native  # noqa: B018 - other revocation formats: parse them here
            elif name == "signer_infos":
                for signer_info in value:
                    for part in signer_info:
                        field = signer_info[part]
                        if isinstance(field, acms.CMSAttributes):  # one attribute at a time
                            for attr in field:
                                _parse_fully(attr, cache)
                        else:
                            _parse_fully(field, cache)
            else:
                _parse_fully(value, cache)
    except ASN1_ERRORS as exc:
        raise BundleRejected("cannot_decrypt", CANNOT_DECRYPT) from exc
    return _Parsed(signed_data, certs, crls)


def _parse_fully(value: Any, cache: VerifyCache | None) -> None:
    """Decode every byte of ``value`` now (``.native``), inside the caller's ``try``, unless the
    same DER bytes were decoded before in this batch: the same bytes decode the same way. The
    parts that repeat from bundle to bundle (the digest algorithms, the signer's issuer and serial,
    the signature algorithm, most signed attributes) are decoded once; the signature, the content,
    the signing time and the message digest are new in every bundle and decoded every time."""
    if cache is None:
        value.native  # noqa: B018 - force the full parse here
        return
    der = value.dump()
    if der not in cache._decoded:
        value.native  # noqa: B018 - force the full parse here
        cache._decoded.add(der)


def _same_name(a: Any, b: Any) -> bool:
    """asn1crypto ``Name`` equality (RFC 5280 comparison), with the byte-identical case first."""
    return bool(a.dump() == b.dump() or a == b)


def _bad_signature(detail: str) -> NoReturn:
    reject("bad_signature", f"The bundle's signature is not valid ({detail}); it was changed or damaged.")


def _verify_signature(parsed: _Parsed) -> _Signed:
    signed_data = parsed.signed_data
    try:
        encap = signed_data["encap_content_info"]
        if encap["content_type"].native != "data" or encap["content"].native is None:
            _bad_signature("no attached content")
        content = bytes(encap["content"].native)
        signer_infos = signed_data["signer_infos"]
        if len(signer_infos) != 1:
            _bad_signature("not exactly one signer")
        si = signer_infos[0]
        sid = si["sid"]
        signer = None
        for c_asn1, c in parsed.certs:
            if sid.name == "issuer_and_serial_number":
                if c_asn1.serial_number == sid.chosen["serial_number"].native and _same_name(
                    c_asn1.issuer, sid.chosen["issuer"]
                ):
                    signer = c
                    break
            elif c_asn1.key_identifier is not None and c_asn1.key_identifier == sid.chosen.native:
                signer = c
                break
        if signer is None:
            reject("unknown_signer", "The bundle does not carry its signer's certificate.")
        certs = [c for _, c in parsed.certs]
        crls = list(parsed.crls)
        if si["digest_algorithm"]["algorithm"].native != "sha256":
            _bad_signature("digest algorithm is not SHA-256")
        sig_alg = si["signature_algorithm"]["algorithm"].native
        if sig_alg not in ("rsassa_pkcs1v15", "sha256_rsa"):
            _bad_signature("unsupported signature algorithm")
        signature = bytes(si["signature"].native)
        attrs = si["signed_attrs"]
        if attrs is not None and len(attrs) > 0:
            found: dict[str, list[Any]] = {}
            for attr in attrs:
                found.setdefault(attr["type"].native, []).append(attr["values"])
            digests = found.get("message_digest", [])
            types = found.get("content_type", [])
            if len(digests) != 1 or len(digests[0]) != 1 or len(types) != 1 or len(types[0]) != 1:
                _bad_signature("signed attributes incomplete")
            if types[0][0].native != "data":
                _bad_signature("content type attribute")
            if not hmac.compare_digest(bytes(digests[0][0].native), hashlib.sha256(content).digest()):
                _bad_signature("content digest mismatch")
            encoded = attrs.dump()
            signed_bytes = b"\x31" + encoded[1:]  # [0] IMPLICIT re-tagged as SET OF (RFC 5652 §5.4)
        else:
            signed_bytes = content
    except BundleRejected:
        raise
    except ASN1_ERRORS as exc:
        raise BundleRejected("bad_signature", "The bundle's signed data is damaged.") from exc
    try:
        public_key = signer.public_key()
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise BundleRejected("bad_signature", "The signer's key cannot be read.") from exc
    if not isinstance(public_key, rsa.RSAPublicKey):
        _bad_signature("signer key is not RSA")
    try:
        public_key.verify(signature, signed_bytes, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        _bad_signature("signature does not match")
    return _Signed(content, signer, certs, crls)


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
        return False
    return True


def _ext(cert: x509.Certificate, cls: type[Any]) -> Any:
    try:
        return cert.extensions.get_extension_for_class(cls).value
    except x509.ExtensionNotFound:
        return None
    except ValueError as exc:  # duplicate or undecodable extensions
        raise BundleRejected("untrusted_chain", "A certificate in the chain is malformed.") from exc


class VerifyCache:
    """What is identical for every bundle of a batch, worked out once (``ImportService.import_files``).

    Keyed by the SHA-256 of the DER of the certificates and CRLs involved, so a cached answer is
    the answer for exactly those bytes: whether a district CA is issued by the pinned root and
    passes the CA rules, whether a signer's certificate passes the chain rules with the
    certificates its bundle carries (the same commune signs many months), and whether a CRL is
    genuine (issued and signed by its issuer, readable). Everything that depends on the time
    (validity periods, CRL expiry) or on the CRLs known at that point (revocation) is checked for
    every bundle, and so is every bundle's own signature.
    """

    def __init__(self) -> None:
        self._under_root: dict[tuple[bytes, bytes], bool] = {}
        self._district_ca: dict[tuple[bytes, bytes], tuple[Identity, Identity]] = {}
        self._genuine: dict[tuple[bytes, bytes], bool] = {}
        # Parsed once per batch, by their exact DER (the signer's certificate repeats for every
        # bundle of its commune, the district CA and the CRLs for every bundle of the district):
        # the same bytes parse to the same certificate, so the first parse is reused.
        self._certs: dict[bytes, tuple[Any, x509.Certificate]] = {}
        self._crls: dict[bytes, x509.CertificateRevocationList] = {}
        # SHA-256 of the certificates and CRLs seen (those parsed above, the pinned root, the trust
        # store's CRLs, the recipient's certificate), by id, each with the object itself: held
        # here, an object lives as long as this cache, so an id here cannot belong to another one.
        self._fingerprints: dict[int, tuple[object, bytes]] = {}
        self._signer_checks: dict[tuple[bytes, ...], tuple[x509.Certificate, Identity]] = {}
        # DER of SignedData parts that ``.native`` decoded without error (``_parse_fully``).
        self._decoded: set[bytes] = set()

    def remember_cert(self, der: bytes, parsed: tuple[Any, x509.Certificate]) -> None:
        self._certs[der] = parsed
        self._fingerprints[id(parsed[1])] = (parsed[1], hashlib.sha256(der).digest())

    def remember_crl(self, der: bytes, crl: x509.CertificateRevocationList) -> None:
        self._crls[der] = crl
        self._fingerprints[id(crl)] = (crl, hashlib.sha256(der).digest())

    def fingerprint(self, a: x509.Certificate | x509.CertificateRevocationList) -> bytes:
        """The SHA-256 of ``a``'s DER, worked out once per object."""
        found = self._fingerprints.get(id(a))
        if found is not None and found[0] is a:
            return found[1]
        digest = a.fingerprint(hashes.SHA256())
        self._fingerprints[id(a)] = (a, digest)
        return digest

    def key(
        self, a: x509.Certificate | x509.CertificateRevocationList, b: x509.Certificate
    ) -> tuple[bytes, bytes]:
        return self.fingerprint(a), self.fingerprint(b)


def _untrusted(detail: str) -> NoReturn:
    reject("untrusted_chain", f"The signer's certificate chain breaks the rules ({detail}).")


def _under_root(candidate: x509.Certificate, root: x509.Certificate, cache: VerifyCache) -> bool:
    key = cache.key(candidate, root)
    found = cache._under_root.get(key)
    if found is None:
        found = cache._under_root[key] = candidate.issuer == root.subject and _issued_by(candidate, root)
    return found


def _check_chain(
    signed: _Signed, root: x509.Certificate, now: dt.datetime, cache: VerifyCache
) -> tuple[x509.Certificate, Identity]:
    """The chain rules (the same answer for the same certificates, kept in ``cache`` once passed),
    then the validity periods at ``now`` (checked for every bundle)."""
    key = (cache.fingerprint(signed.signer), cache.fingerprint(root), *map(cache.fingerprint, signed.certs))
    known = cache._signer_checks.get(key)
    if known is None:
        known = cache._signer_checks[key] = _check_chain_rules(signed, root, cache)
    ca, signer_id = known
    ca_code = cache._district_ca[cache.key(ca, root)][0].code
    for cert, what in ((root, "ministry root"), (ca, f"district {ca_code}"), (signed.signer, signer_id.code)):
        if now < cert.not_valid_before_utc:
            reject(
                "cert_expired",
                f"The certificate of {what} is not valid until {cert.not_valid_before_utc:%Y-%m-%d}; "
                "check this computer's date.",
            )
        if now > cert.not_valid_after_utc:
            reject(
                "cert_expired",
                f"The certificate of {what} expired on {cert.not_valid_after_utc:%Y-%m-%d}.",
            )
    return ca, signer_id


def _check_chain_rules(
    signed: _Signed, root: x509.Certificate, cache: VerifyCache
) -> tuple[x509.Certificate, Identity]:
    signer = signed.signer
    ca = None
    for candidate in signed.certs:
        if (
            candidate.subject == signer.issuer
            and _under_root(candidate, root, cache)
            and _issued_by(signer, candidate)
        ):
            ca = candidate
            break
    if ca is None:
        reject(
            "unknown_signer",
            "The signer's certificate does not lead to the ministry root this office trusts.",
        )
    # Structure: root → district CA (pathlen 0, keyCertSign) → commune/district signing certificate.
    ca_key = cache.key(ca, root)
    try:
        signer_id = identity_of(signer.subject)
        known = cache._district_ca.get(ca_key)
        ca_id, root_id = known or (identity_of(ca.subject), identity_of(root.subject))
    except ValueError as exc:
        raise BundleRejected("untrusted_chain", f"The certificate chain names no office ({exc}).") from exc
    if ca_key not in cache._district_ca:
        ca_bc = _ext(ca, x509.BasicConstraints)
        ca_ku = _ext(ca, x509.KeyUsage)
        district_ca = ca_bc is not None and ca_bc.ca and ca_bc.path_length == 0
        if not district_ca or ca_ku is None or not ca_ku.key_cert_sign:
            _untrusted("the issuer is not a district CA")
        if ca_id.level != Level.DISTRICT or root_id.level != Level.MINISTRY:
            _untrusted("levels")
        cache._district_ca[ca_key] = (ca_id, root_id)
    s_bc = _ext(signer, x509.BasicConstraints)
    s_ku = _ext(signer, x509.KeyUsage)
    s_eku = _ext(signer, x509.ExtendedKeyUsage)
    if s_bc is not None and s_bc.ca:
        _untrusted("the signer is a CA")
    if s_ku is None or not (s_ku.digital_signature or s_ku.content_commitment):
        _untrusted("the signer's key may not sign")
    if s_eku is None or x509.oid.ExtendedKeyUsageOID.EMAIL_PROTECTION not in s_eku:
        _untrusted("the signer's certificate is not for signed reports")
    if signer_id.level == Level.COMMUNE:
        if not signer_id.code.startswith(ca_id.code) or signer_id.code == ca_id.code:
            _untrusted(f"commune {signer_id.code} is not in district {ca_id.code}")
    elif signer_id.level == Level.DISTRICT:
        if signer_id.code != ca_id.code:
            _untrusted("a district signs only for itself")
    else:
        _untrusted("the ministry does not send bundles")
    return ca, signer_id


def _genuine_crl(crl: x509.CertificateRevocationList, issuer: x509.Certificate) -> bool:
    """Issued and signed by ``issuer``, and readable; anything else is ignored like a missing list."""
    try:
        if crl.issuer != issuer.subject:
            return False
        ok = crl.is_signature_valid(issuer.public_key())  # type: ignore[arg-type]
        if ok:
            crl_number(crl)
            list(crl)  # parse every entry now, not during the revocation lookup
        return bool(ok)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return False


def _genuine_cached(
    crl: x509.CertificateRevocationList, issuer: x509.Certificate, cache: VerifyCache
) -> bool:
    key = cache.key(crl, issuer)
    found = cache._genuine.get(key)
    if found is None:
        found = cache._genuine[key] = _genuine_crl(crl, issuer)
    return found


def _current_crl(
    issuer: x509.Certificate,
    what: str,
    candidates: Sequence[x509.CertificateRevocationList],
    now: dt.datetime,
    cache: VerifyCache,
) -> x509.CertificateRevocationList:
    genuine = [c for c in candidates if _genuine_cached(c, issuer, cache)]
    if not genuine:
        reject("crl_missing", f"There is no revocation list from {what}; ask them for a new one.")
    newest = max(genuine, key=lambda c: (crl_number(c), c.last_update_utc))
    next_update = newest.next_update_utc
    if next_update is None or next_update < now:
        when = f"{next_update:%Y-%m-%d}" if next_update else "(no date)"
        reject(
            "crl_expired",
            f"The revocation list from {what} expired on {when}; ask them for a new one.",
        )
    return newest


def _check_revocation(
    signer: x509.Certificate,
    ca: x509.Certificate,
    root: x509.Certificate,
    candidates: Sequence[x509.CertificateRevocationList],
    now: dt.datetime,
    cache: VerifyCache,
) -> tuple[x509.CertificateRevocationList, ...]:
    ca_code = identity_of(ca.subject).code
    root_crl = _current_crl(root, "the ministry", candidates, now, cache)
    if root_crl.get_revoked_certificate_by_serial_number(ca.serial_number) is not None:
        reject("revoked", f"The certificate of district {ca_code} has been revoked by the ministry.")
    ca_crl = _current_crl(ca, f"district {ca_code}", candidates, now, cache)
    if ca_crl.get_revoked_certificate_by_serial_number(signer.serial_number) is not None:
        who = identity_of(signer.subject).code
        reject("revoked", f"The signing certificate of {who} has been revoked by district {ca_code}.")
    return root_crl, ca_crl


@dataclass(frozen=True)
class SignedContent:
    """A SignedData whose signature, chain to the pinned root and revocation have been checked."""

    content: bytes
    signer_cert: x509.Certificate
    signer: Identity
    ca_cert: x509.Certificate
    crls: tuple[x509.CertificateRevocationList, ...]
    """The verified lists used (the ministry's, the district's): the importer stores the newer ones."""


def verify_signed_data(
    inner: bytes, trust: TrustStore, now: dt.datetime | None = None, cache: VerifyCache | None = None
) -> SignedContent:
    """The checks of ``bundle_open.open_bundle`` after decryption, also for signed files that are not
    enveloped (a district's return notice): signature → chain to the pinned root → revocation. The content
    is not interpreted. ``BundleRejected`` with the same reason codes."""
    now = now or dt.datetime.now(dt.UTC)
    cache = cache or VerifyCache()
    signed = _verify_signature(_parse_signed(inner, cache))
    ca, signer_id = _check_chain(signed, trust.root, now, cache)
    used = _check_revocation(signed.signer, ca, trust.root, [*signed.crls, *trust.crls], now, cache)
    return SignedContent(signed.content, signed.signer, signer_id, ca, used)
