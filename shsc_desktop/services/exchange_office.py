"""What every exchange service starts from: the unlocked office, who acts, the clock, and the
office's level and certificate code (``ExportService``, ``ImportService``, ``CompletenessService``,
``ExchangeStatusService``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..security.pki import Level, utcnow
from .enrolment import pki_code
from .office import UnlockedOffice


class ExchangeOffice:
    """The office as the exchange sees it; ``clock`` (UTC) is replaced in tests."""

    def __init__(self, office: UnlockedOffice, *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.office = office
        self.actor = office.actor
        self.clock = clock
        info = office.info
        self.level = Level(info.level)
        self.code = pki_code(info.level, info.code)
