"""``shsc-desktop self-test``: does this build (frozen or not) have everything it needs at run time?

Each check exercises one thing a PyInstaller build can silently lose — a native library, a data
file, a module only imported dynamically — end to end, in a throw-away folder, with the cheap test
KDF so the whole run takes about a second:

- ``database``: set up a commune office (SQLCipher + key slots + Alembic migrations loaded from
  disk + gazetteer data), save a user, lock, unlock again, ``cipher_integrity_check``;
- ``audit chain``: the chain written by the above verifies;
- ``pdf khmer``: ReportLab renders a Khmer paragraph with the bundled Noto Sans Khmer, shaped by
  uharfbuzz (shaping adds glyphs that have no code point of their own, e.g. subscript consonants);
- ``cms bundle``: ``cryptography`` signs (SignedData) and envelopes (EnvelopedData) a payload to a
  self-signed RSA certificate; it is decrypted again and the signature is checked with asn1crypto;
- ``qt`` (``views/selftest_qt.py``, passed in by the command line): QtGui starts off-screen,
  registers the bundled fonts and loads the compiled translations.

Results are ``(name, ok, detail)`` tuples; nothing here raises.
"""

from __future__ import annotations

import hashlib
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import __version__, resources

CheckResult = tuple[str, bool, str]

# Safe Homes, Safe Communities: several stacked consonants (ត្ថ, ក្ន, ផ្ទ) that only shape correctly.
KHMER_SAMPLE = "សុវត្ថិភាពក្នុងផ្ទះ សុវត្ថិភាពក្នុងសហគមន៍"
SELFTEST_COMMUNE = "120101"  # Tonle Basak, Chamkar Mon, Phnom Penh
SELFTEST_PASSWORD = "self-test-password"  # a throw-away office in a temp folder
PRIVATE_USE = range(0xE000, 0xF900)


def run_self_test(more: Sequence[tuple[str, Callable[[], str]]] = ()) -> list[CheckResult]:
    """Run every check in a fresh temporary folder; one ``(name, ok, detail)`` per check.

    ``more`` are the checks of the floors above (the Qt check of ``views/selftest_qt.py``, passed in
    by the command line), run last: services import no Qt."""
    results: list[CheckResult] = [("build", True, _build_description())]
    with tempfile.TemporaryDirectory(prefix="shsc-selftest-") as tmp:
        work = Path(tmp)
        results.append(_timed("database", lambda: _check_database(work / "office")))
        results.append(_timed("audit chain", lambda: _check_audit_chain(work / "office")))
        results.append(_timed("pdf khmer", lambda: _check_pdf(work / "selftest.pdf")))
        results.append(_timed("cms bundle", _check_cms))
        results.extend(_timed(name, check) for name, check in more)
    return results


def _build_description() -> str:
    frozen = "frozen" if resources.frozen_root() is not None else "from source"
    return f"shsc-desktop {__version__}, Python {platform.python_version()}, {sys.platform}, {frozen}"


def _timed(name: str, check: Callable[[], str]) -> CheckResult:
    started = time.perf_counter()
    try:
        detail = check()
    except Exception as exc:  # a self-test reports every failure instead of stopping at the first
        return name, False, f"{type(exc).__name__}: {exc}"
    elapsed_ms = (time.perf_counter() - started) * 1000
    return name, True, f"{detail} ({elapsed_ms:.0f} ms)"


def _check_database(data_dir: Path) -> str:
    from ..models import migrate
    from ..models.engine import connect_raw, integrity_problems
    from ..security.kdf import KdfParams
    from .accounts import AccountService
    from .office import OfficeFolder

    folder = OfficeFolder(data_dir, kdf=KdfParams.fast_for_tests())
    office, _recovery = folder.create("commune", SELFTEST_COMMUNE, "selftest", SELFTEST_PASSWORD)
    try:
        AccountService(office).add_user("selftest-clerk", "clerk", SELFTEST_PASSWORD, "Self-test clerk")
    finally:
        office.lock("self-test")

    header = folder.db_path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        raise AssertionError("the database file is not encrypted")

    reopened = folder.unlock("selftest-clerk", SELFTEST_PASSWORD)
    try:
        revision = migrate.current_revision(reopened.engine)
        if revision != migrate.head_revision():
            raise AssertionError(f"schema at {revision}, expected {migrate.head_revision()}")
        conn = connect_raw(folder.db_path, reopened.data_key)
        try:
            problems = integrity_problems(conn)
            cipher_version = conn.execute("PRAGMA cipher_version").fetchone()[0]
        finally:
            conn.close()
        if problems:
            raise AssertionError("integrity check: " + "; ".join(problems[:3]))
        users = sorted(folder.usernames())
    finally:
        reopened.lock("self-test")
    return f"SQLCipher {cipher_version}, schema {revision}, users {', '.join(users)}, integrity ok"


def _check_audit_chain(data_dir: Path) -> str:
    from ..security import audit
    from .office import OfficeFolder

    folder = OfficeFolder(data_dir)
    office = folder.unlock("selftest", SELFTEST_PASSWORD)
    try:
        with office.reading() as session:
            report = audit.verify(session)
    finally:
        office.lock("self-test")
    if not report.ok:
        raise AssertionError(f"broken at entry {report.first_bad_seq}: {report.problem}")
    return f"{report.entries} entries verified"


def _check_pdf(target: Path) -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont, shapeStr
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    try:
        import uharfbuzz
    except ImportError as exc:
        raise AssertionError("uharfbuzz is missing: Khmer would print broken") from exc

    fonts = resources.font_files()
    # Private names, so that the report builders' registrations are left alone. (ReportLab keys
    # fonts by face too: if the reports registered the same TTF first, these names alias theirs.)
    pdfmetrics.registerFont(TTFont("SelfTestKhmer", str(fonts["khmer"])))
    pdfmetrics.registerFont(TTFont("SelfTestLatin", str(fonts["latin"])))

    story = [
        Paragraph("SHSC Desktop self-test", ParagraphStyle("en", fontName="SelfTestLatin", fontSize=12)),
        Paragraph(
            KHMER_SAMPLE, ParagraphStyle("km", fontName="SelfTestKhmer", fontSize=14, leading=24, shaping=1)
        ),
    ]
    SimpleDocTemplate(str(target), pagesize=A4, title="self-test").build(story)

    data = target.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise AssertionError("ReportLab wrote no complete PDF")
    # Shaping turns glyphs without a code point of their own (subscript consonants) into private-use
    # characters of the embedded subset; unshaped text never contains any, so this tells shaped
    # from broken Khmer. It is the same code path the paragraph above went through.
    shaped = shapeStr(KHMER_SAMPLE, "SelfTestKhmer", 14)
    shaped_glyphs = sum(1 for ch in shaped if ord(ch) in PRIVATE_USE)
    if shaped_glyphs == 0:
        raise AssertionError("the Khmer paragraph was not shaped")
    return (
        f"{len(data):,} bytes, {shaped_glyphs} shaped glyphs, "
        f"{fonts['khmer'].name} + {fonts['latin'].name}, uharfbuzz {uharfbuzz.__version__}"
    )


def _check_cms() -> str:
    import cryptography
    from asn1crypto import cms
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "SHSC self-test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    payload = b'{"selftest": true, "text": "' + KHMER_SAMPLE.encode("utf-8") + b'"}'

    signed = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(payload)
        .add_signer(cert, key, hashes.SHA256())
        .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    enveloped = (
        pkcs7.PKCS7EnvelopeBuilder()
        .set_data(signed)
        .add_recipient(cert)
        .encrypt(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
    )
    decrypted = pkcs7.pkcs7_decrypt_der(enveloped, cert, key, [])
    if decrypted != signed:
        raise AssertionError("the decrypted content differs from the signed data")

    # cryptography has no SignedData verification: check the one signature by hand, as the
    # bundle importer does (asn1crypto parses, cryptography checks).
    content_info = cms.ContentInfo.load(decrypted)
    if content_info["content_type"].native != "signed_data":
        raise AssertionError("the envelope does not hold SignedData")
    signed_data = content_info["content"]
    content = signed_data["encap_content_info"]["content"].native
    if content != payload:
        raise AssertionError("the signed content differs from the payload")
    signer = signed_data["signer_infos"][0]
    attrs = {a["type"].native: a["values"][0].native for a in signer["signed_attrs"]}
    if attrs.get("message_digest") != hashlib.sha256(payload).digest():
        raise AssertionError("the message digest attribute does not match the content")
    # The signature covers the signed attributes DER-encoded as a SET (tag 0x31), not as [0].
    signed_attrs = b"\x31" + signer["signed_attrs"].dump()[1:]
    if cert.public_key() != key.public_key():
        raise AssertionError("the certificate does not carry the signing key")
    key.public_key().verify(signer["signature"].native, signed_attrs, padding.PKCS1v15(), hashes.SHA256())
    return (
        f"signed, enveloped, decrypted and verified, {len(enveloped):,} bytes, "
        f"cryptography {cryptography.__version__}"
    )
