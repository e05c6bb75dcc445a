"""The services of one unlocked office, built once (at unlock) and shared by every page.

Views take their services from here instead of building ``XService(office)`` each time; the
container is dropped when the office is locked (``views.session``). Each service is built on first
use: a district desk never builds the register services. Services keep no state of their own beyond
the office (and a cached commune code), so one instance can serve every page and every worker
thread.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .accounts import AccountService
    from .admin import AdminService
    from .backup import BackupService
    from .contacts import ContactService
    from .desk import DeskService
    from .district import DistrictService
    from .drafts import DraftService
    from .enrolment import EnrolmentService
    from .exchange_export import ExportService
    from .exchange_import import ImportService
    from .exchange_status import ExchangeStatusService
    from .home import HomeService
    from .incidents import IncidentService
    from .meetings import MeetingService
    from .months import MonthService
    from .office import UnlockedOffice
    from .referrals import ReferralService
    from .reports import ReportService
    from .returns import ReturnService
    from .slips import SlipService


class OfficeServices:
    """One instance of each service for ``office`` (imported lazily: start-up stays quick)."""

    def __init__(self, office: UnlockedOffice) -> None:
        self.office = office

    def warm(self) -> None:
        """At unlock: give the services what pages need the moment they are built (the commune's
        code, for its villages) from the office's description in its key-slot file, so that neither
        this nor building a page queries the database on the GUI thread."""
        info = self.office.info
        if info.level == "commune":
            code = info.code
            self.incidents._commune = code
            self.meetings._commune = code

    @cached_property
    def accounts(self) -> AccountService:
        from .accounts import AccountService

        return AccountService(self.office)

    @cached_property
    def admin(self) -> AdminService:
        from .admin import AdminService

        return AdminService(self.office)

    @cached_property
    def backup(self) -> BackupService:
        from .backup import BackupService

        return BackupService(self.office)

    @cached_property
    def contacts(self) -> ContactService:
        from .contacts import ContactService

        return ContactService(self.office)

    @cached_property
    def desk(self) -> DeskService:
        from .desk import DeskService

        return DeskService(self.office)

    @cached_property
    def district(self) -> DistrictService:
        from .district import DistrictService

        return DistrictService(self.office)

    @cached_property
    def drafts(self) -> DraftService:
        from .drafts import DraftService

        return DraftService(self.office)

    @cached_property
    def enrolment(self) -> EnrolmentService:
        from .enrolment import EnrolmentService

        return EnrolmentService(self.office)

    @cached_property
    def exports(self) -> ExportService:
        from .exchange_export import ExportService

        return ExportService(self.office)

    @cached_property
    def imports(self) -> ImportService:
        from .exchange_import import ImportService

        return ImportService(self.office)

    @cached_property
    def exchange_status(self) -> ExchangeStatusService:
        from .exchange_status import ExchangeStatusService

        return ExchangeStatusService(self.office)

    @cached_property
    def home(self) -> HomeService:
        from .home import HomeService

        return HomeService(self.office)

    @cached_property
    def incidents(self) -> IncidentService:
        from .incidents import IncidentService

        return IncidentService(self.office)

    @cached_property
    def meetings(self) -> MeetingService:
        from .meetings import MeetingService

        return MeetingService(self.office)

    @cached_property
    def months(self) -> MonthService:
        from .months import MonthService

        return MonthService(self.office)

    @cached_property
    def referrals(self) -> ReferralService:
        from .referrals import ReferralService

        return ReferralService(self.office)

    @cached_property
    def reports(self) -> ReportService:
        from .reports import ReportService

        return ReportService(self.office)

    @cached_property
    def returns(self) -> ReturnService:
        from .returns import ReturnService

        return ReturnService(self.office)

    @cached_property
    def slips(self) -> SlipService:
        from .slips import SlipService

        return SlipService(self.office)
