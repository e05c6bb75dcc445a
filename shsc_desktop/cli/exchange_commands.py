"""The commands of the exchange between offices: exporting a month's signed bundle, verifying and
importing bundles, certificate enrolment, returning a month for correction and exporting the
office's keys.
"""

from __future__ import annotations

import argparse
import sys

from ..errors import ValidationFailed
from ..problems import define
from . import console
from .console import expand_wildcards

KEY_PASSWORD_ON_STDIN = define(
    "key_password_on_stdin", "Give the password for the exported key on the second line of standard input."
)


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.exchange_export import ExportService

    with console.unlocked(args, "export done") as office:
        result = ExportService(office).export_month(args.month, args.output)
    print(result.path)
    return 0


def _import_table(summary) -> str:  # type: ignore[no-untyped-def]
    header = ("file", "result", "office", "month", "rev", "seq", "detail")
    rows = [header]
    for r in summary.results:
        detail = r.message if r.rejected else ("nil report" if r.nil_report else "")
        if r.gap:
            detail = (detail + "; " if detail else "") + f"{r.gap} bundle(s) missing before this one"
        outcome = f"rejected ({r.reason})" if r.rejected else r.outcome.replace("_", " ")
        rows.append(
            (r.path.name, outcome, r.sender, r.period, str(r.revision or ""), str(r.sequence or ""), detail)
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)) + "  " + row[-1] for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 6)
    lines.append(
        f"{len(summary.results)} file(s): {summary.imported} imported, {summary.updated} updated, "
        f"{summary.already_imported} already imported, {summary.rejected} rejected"
        + (" (dry run: nothing was changed)" if summary.dry_run else "")
    )
    return "\n".join(line.rstrip() for line in lines)


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.exchange_import import ImportService

    with console.unlocked(args, "import done") as office:
        summary = ImportService(office).import_files(expand_wildcards(args.files), dry_run=args.dry_run)
    print(_import_table(summary))
    if not summary.ok:
        print(f"shsc-desktop: {summary.rejected} file(s) rejected", file=sys.stderr)
        return 5
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from ..services.exchange_import import ImportService

    with console.unlocked(args, "verify done") as office:
        r = ImportService(office).verify_file(args.file)
    nil = " (nil report)" if r.nil_report else ""
    print(
        f"OK: {r.path.name} from {r.sender_level} {r.sender} to {r.recipient}, month {r.period}, "
        f"revision {r.revision}, number {r.sequence}{nil}; signer {r.signer_fingerprint}"
    )
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from ..services.enrolment import EnrolmentService

    with console.unlocked(args, "enroll done") as office:
        service = EnrolmentService(office)
        if args.enroll_command == "request":
            req = service.request(args.output)
            print(f"Certificate request written: {req.path}")
            print(f"Request fingerprint (read it out to the office above): {req.fingerprint}")
        elif args.enroll_command == "sign":
            signed = service.sign(args.file, args.output)
            print(f"Certificate package for {signed.level} {signed.code} {signed.name_en}: {signed.path}")
            print(f"Request fingerprint (compare with the office below): {signed.request_fingerprint}")
            for purpose, fp in signed.fingerprints.items():
                print(f"  {purpose:<10} {fp}")
            if signed.office_keys is not None:
                print(f"Office keys bound (compare with the office's recovery sheet): {signed.office_keys}")
            if signed.previous_office_keys is not None:
                print(
                    "Warning: this office was enrolled before with other office keys "
                    f"({signed.previous_office_keys}): ask its chief to check the recovery sheet."
                )
        else:
            accepted = service.accept(args.file)
            print(f"Certificates installed for {accepted.level} {accepted.code}. Fingerprints to compare:")
            for purpose, fp in accepted.fingerprints.items():
                print(f"  {purpose:<10} {fp}")
            if accepted.office_keys is not None:
                print(f"Office keys bound (compare with the office's recovery sheet): {accepted.office_keys}")
    return 0


def cmd_return(args: argparse.Namespace) -> int:
    from ..services.returns import ReturnService

    with console.unlocked(args, "return done") as office:
        service = ReturnService(office)
        if args.return_command == "send":
            sent = service.return_report(args.office, args.month, args.reason, args.output)
            print(f"{sent.period} of {sent.office_code} (revision {sent.revision}) returned: {sent.path}")
        elif args.return_command == "accept":
            notice = service.import_notice(args.file)
            already = " (already imported)" if notice.already_imported else ""
            print(f"{notice.period} returned by district {notice.district_code}: {notice.reason}{already}")
        elif office.info.level == "commune":
            for n in service.notices():
                state = "to correct" if n.outstanding else "corrected"
                print(f"{n.period} r{n.revision}  district {n.district_code}  {state}  {n.reason}")
        else:
            for r in service.returned().values():
                print(f"{r.period} {r.office_code} r{r.revision}  {r.returned_at:%Y-%m-%d}  {r.reason}")
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from ..services.enrolment import EnrolmentService

    with console.unlocked(args, "keys export done") as office:
        key_password = console.stdin_line("password")
        if not key_password:
            raise ValidationFailed({"password": KEY_PASSWORD_ON_STDIN})
        result = EnrolmentService(office).export_keys(args.output, key_password)
    for path in result.files:
        print(path)
    return 0
