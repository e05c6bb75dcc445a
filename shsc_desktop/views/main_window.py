"""The main window: a navigation list on the left, the chosen section on the right, and a status bar
naming the office and the signed-in user.

The window holds every widget that shows decrypted data; locking destroys it as a whole.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..models.codes import OFFICE_LEVEL, ROLE
from ..services.office import UnlockedOffice
from .admin import AdminPage
from .contacts import ContactsPage
from .desk import DeskHomePage
from .exchange import ExchangePage
from .home import RegisterHomePage
from .i18n import current_language
from .inactivity import LOCK_SHORTCUT, QUICK_HIDE_SHORTCUT
from .incidents import IncidentsPage
from .meetings import MeetingsPage
from .referrals import ReferralsPage
from .reports import ReportsPage
from .retranslating import Retranslating
from .screen import fit_to_screen, scrolling
from .session import session_of

SECTIONS = ("home", "incidents", "referrals", "meetings", "contacts", "reports", "exchange", "administration")
UPPER_SECTIONS = ("home", "exchange", "administration")  # district and ministry keep no registers
PLACEHOLDER_SECTIONS: tuple[str, ...] = ()
NEW_RECORD_SHORTCUT = "Ctrl+N"


def heading_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * 1.4)
    font.setBold(True)
    return font


class PlaceholderPage(QWidget):
    """A section that arrives in a later version."""

    def __init__(self, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{section}Page")
        self.section = section
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setFont(heading_font(self.font()))
        self.message = QLabel()
        self.message.setObjectName("placeholderMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def retranslate(self, title: str) -> None:
        self.heading.setText(title)
        self.message.setText(self.tr("This section arrives in a later version."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.message.setText(self.tr("This section arrives in a later version."))
        super().changeEvent(event)


class MainWindow(Retranslating, QMainWindow):
    """The signed-in window.

    Signals:
        lock_requested(str): lock now, with the reason for the audit log ("manual").
        quick_hide_requested(): hide at once and lock.
        language_requested(str): "km" or "en".
        auto_lock_changed(int): minutes.
        restore_requested(object): ``Path`` of a backup to restore.
    """

    lock_requested = Signal(str)
    quick_hide_requested = Signal()
    language_requested = Signal(str)
    auto_lock_changed = Signal(int)
    restore_requested = Signal(object)

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.office = office
        self.session = session_of(office)  # opened at unlock by the shell; the pages share it

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setSpacing(2)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.commune = office.info.level == "commune"
        self.sections = SECTIONS if self.commune else UPPER_SECTIONS
        self.page_by_section: dict[str, QWidget] = {}
        if self.commune:
            self.home_page: RegisterHomePage | DeskHomePage = RegisterHomePage(office)
            self.incidents_page = IncidentsPage(office)
            self.referrals_page = ReferralsPage(office)
            self.meetings_page = MeetingsPage(office)
            self.contacts_page = ContactsPage(office)
            self.reports_page = ReportsPage(office)
            self.page_by_section.update(
                incidents=self.incidents_page,
                referrals=self.referrals_page,
                meetings=self.meetings_page,
                contacts=self.contacts_page,
                reports=self.reports_page,
            )
        else:
            self.home_page = DeskHomePage(office)
        self.exchange_page = ExchangePage(office)
        self.placeholder_pages = {section: PlaceholderPage(section) for section in PLACEHOLDER_SECTIONS}
        self.admin_page = AdminPage(office)
        self.page_by_section.update(
            home=self.home_page,
            exchange=self.exchange_page,
            administration=self.admin_page,
            **self.placeholder_pages,
        )
        for section in self.sections:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, section)
            item.setSizeHint(QSize(200, 44))  # room for Khmer's stacked consonants
            self.navigation.addItem(item)
            # Each page scrolls on its own when the screen is smaller than it needs: the window can
            # always be made as small as the screen (1024×768, or 125% scaling on a laptop).
            self.pages.addWidget(scrolling(self.page_by_section[section], f"{section}Scroll"))
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.currentRowChanged.connect(self._activate_row)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.lock_action = QAction(self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence(LOCK_SHORTCUT))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock_requested.emit("manual"))
        self.hide_action = QAction(self)
        self.hide_action.setObjectName("quickHideAction")
        self.hide_action.setShortcut(QKeySequence(QUICK_HIDE_SHORTCUT))
        self.hide_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.hide_action.triggered.connect(self.quick_hide_requested.emit)
        # Ctrl+N: a new record in the register on screen (its "New" button, so rights stay the same).
        self.new_record_action = QAction(self)
        self.new_record_action.setObjectName("newRecordAction")
        self.new_record_action.setShortcut(QKeySequence(NEW_RECORD_SHORTCUT))
        self.new_record_action.triggered.connect(self.new_record)
        self.addAction(self.new_record_action)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.lock_action)
        self.toolbar.addAction(self.hide_action)
        self.addToolBar(self.toolbar)

        self.office_status = QLabel()
        self.office_status.setObjectName("officeStatus")
        self.user_status = QLabel()
        self.user_status.setObjectName("userStatus")
        self.statusBar().addWidget(self.office_status, 1)
        self.statusBar().addPermanentWidget(self.user_status)

        self.admin_page.language_requested.connect(self.language_requested)
        self.admin_page.auto_lock_changed.connect(self.auto_lock_changed)
        self.admin_page.restore_requested.connect(self.restore_requested)
        # Pages keep each other current through the office's change notice (``session.hub``), not
        # through wiring here; only navigation between sections is the window's business.
        if self.commune:
            self.incidents_page.refer_requested.connect(self.refer_incident)

        self.retranslate()
        self.navigation.setCurrentRow(0)
        fit_to_screen(self, 1100, 720)

    def section_titles(self) -> dict[str, str]:
        return {
            "home": self.tr("Home"),
            "incidents": self.tr("Incidents"),
            "referrals": self.tr("Referrals"),
            "meetings": self.tr("Meetings"),
            "contacts": self.tr("Contacts"),
            "reports": self.tr("Reports"),
            "exchange": self.tr("Exchange"),
            "administration": self.tr("Administration"),
        }

    def new_record(self) -> None:
        """Press the "New" button of the register on screen, if it has one the user may use."""
        index = self.pages.currentIndex()
        page = self.page_by_section.get(self.sections[index]) if 0 <= index < len(self.sections) else None
        button = getattr(page, "new_button", None)
        if isinstance(button, QPushButton) and button.isVisible() and button.isEnabled():
            button.click()

    def retranslate(self) -> None:
        lang = current_language()
        info = self.office.info
        actor = self.office.actor
        self.setWindowTitle(self.tr("SHSC Desktop – %1").replace("%1", info.name(lang)))
        titles = self.section_titles()
        for row, section in enumerate(self.sections):
            item = self.navigation.item(row)
            item.setText(titles[section])
        # As wide as the longest title, no wider: the pages need the room on a 1024 px screen.
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(titles[section]) for section in self.sections)
        self.navigation.setFixedWidth(max(widest + 48, 140))
        self.home_page.retranslate(titles["home"])
        self.exchange_page.retranslate(titles["exchange"])
        for section, page in self.placeholder_pages.items():
            page.retranslate(titles[section])
        self.lock_action.setText(self.tr("Lock (Ctrl+L)"))
        self.hide_action.setText(self.tr("Hide (Ctrl+Shift+H)"))
        self.toolbar.setWindowTitle(self.tr("Tools"))
        # The ministry's name is its level: named once, not "ministry (ministry)".
        office_name = info.name(lang)
        if info.level != "ministry":
            office_name = f"{office_name} ({OFFICE_LEVEL.label(info.level, lang)})"
        self.office_status.setText(self.tr("Office: %1").replace("%1", office_name))
        self.user_status.setText(
            self.tr("Signed in: %1 – %2")
            .replace("%1", actor.username)
            .replace("%2", ROLE.label(actor.role.value, lang))
        )

    def _activate_row(self, row: int) -> None:
        """Let a section load its data when it is first opened (if it does so lazily)."""
        activate = getattr(self.page_by_section[self.sections[row]], "activate", None)
        if callable(activate):
            activate()

    def show_section(self, section: str) -> None:
        self.navigation.setCurrentRow(self.sections.index(section))

    def refer_incident(self, incident_id: str) -> None:
        """From the incident list: show the Referrals section for this incident."""
        self.referrals_page.show_incident(incident_id)
        self.show_section("referrals")
        self.referrals_page.open_new()

    def current_section(self) -> str:
        return self.sections[self.navigation.currentRow()]
