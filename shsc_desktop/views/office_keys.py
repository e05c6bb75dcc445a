"""The office keys' fingerprint (Administration) and the warning shown when they are not the ones
the office above enrolled (Home and Administration): ``services.enrolment.office_keys_status``."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ..services.enrolment import OfficeKeysStatus, office_keys_status
from ..services.office import UnlockedOffice
from .builders import set_up_label
from .operations import run_in_background
from .retranslating import Retranslating


def show_office_keys(
    parent: QWidget, office: UnlockedOffice, *labels: OfficeKeysWarning | OfficeKeysLine
) -> None:
    """Read what the office's enrolment binds off the GUI thread, then update ``labels``. Until
    then they show the office's own fingerprint (known without the database) and no warning."""

    def show(status: OfficeKeysStatus) -> None:
        for label in labels:
            label.set_status(status)

    run_in_background(parent, lambda _t: office_keys_status(office), show, lambda _error: None)


def unread_status(office: UnlockedOffice) -> OfficeKeysStatus:
    """The status before the enrolment was read: this office's keys, nothing enrolled to compare."""
    return OfficeKeysStatus(None if office.keys is None else office.keys.fingerprint(), None)


WARNING_STYLE = "QLabel { background: #fde2e1; color: #7a1212; padding: 6px; font-weight: bold; }"


class OfficeKeysWarning(Retranslating, QLabel):
    """Shown only when the office keys changed since the office was enrolled."""

    def __init__(self, status: OfficeKeysStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_up_label(self, "officeKeysWarning", selectable=True)
        self.setStyleSheet(WARNING_STYLE)
        self.set_status(status)

    def set_status(self, status: OfficeKeysStatus) -> None:
        self.status = status
        self.retranslate()
        self.setVisible(status.changed)

    def retranslate(self) -> None:
        self.setText(
            self.tr(
                "The office keys on this computer (%1) are not the ones the office above enrolled "
                "(%2). Someone may have replaced them. Reports sent now will be refused. The chief "
                "should compare the fingerprint on the recovery sheet (verify-office) and enrol the "
                "office again."
            )
            .replace("%1", self.status.fingerprint or "–")
            .replace("%2", self.status.enrolled or "–")
        )


class OfficeKeysLine(Retranslating, QLabel):
    """ "Office keys: XXXX-XXXX-…", selectable, to compare with the recovery sheet by eye."""

    def __init__(self, status: OfficeKeysStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_up_label(self, "officeKeysFingerprint", selectable=True)
        self.set_status(status)

    def set_status(self, status: OfficeKeysStatus) -> None:
        self.status = status
        self.retranslate()

    def retranslate(self) -> None:
        if self.status.fingerprint is None:
            self.setText(self.tr("Office keys: not created yet (the chief's next sign-in creates them)."))
        else:
            self.setText(
                self.tr("Office keys: %1 (the fingerprint on the recovery sheet)").replace(
                    "%1", self.status.fingerprint
                )
            )
