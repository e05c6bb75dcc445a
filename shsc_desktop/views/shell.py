"""The application shell: which window is shown (setup wizard, sign-in, main window), locking on
request or on inactivity, quick-hide, and switching the language.

Locking cancels running background work, destroys the main window (every widget that shows
decrypted data) and locks the office, which drops the key; then the sign-in window comes back.
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ..errors import DatabaseDamaged
from ..services.office import OfficeFolder, UnlockedOffice
from . import i18n, operations
from .dialogs import ChangePasswordDialog
from .inactivity import InactivityTimer, SafetyKeys
from .messages import show_error
from .session import close_session, open_session, session_of
from .unlock import UnlockWindow

if TYPE_CHECKING:
    from .main_window import MainWindow

# The main window (every register page, their services, SQLAlchemy and the models) is imported when
# an office is first opened, not at start-up: the sign-in window needs none of it (DESIGN.md §8).

MINUTE_MS = 60_000

# Loaded in a background thread while the sign-in window waits for the password, so that the
# unlock and the first main window do not import them (~0.8 s on a 2-core PC). Only modules without
# Qt widgets (the views are imported on the GUI thread, when needed), and none whose import holds
# the GIL for long in one piece: the sign-in window must not stutter (longest pause measured ~40–80 ms).
WARM_UP_MODULES = (
    "sqlalchemy.orm",
    "alembic.migration",
    "shsc_desktop.models.engine",
    "shsc_desktop.models.tables",
    "shsc_desktop.services.accounts",
    "shsc_desktop.services.admin",
    "shsc_desktop.services.home",
    "shsc_desktop.services.incidents",
    "shsc_desktop.services.referrals",
    "shsc_desktop.services.meetings",
    "shsc_desktop.services.contacts",
    "shsc_desktop.services.statistics",
)  # not services.exchange_* or .reports: cryptography's PKCS7 and ReportLab hold the GIL too long
WARM_UP_DELAY_MS = 300  # after the sign-in window has painted


def warm_up_imports() -> None:
    """Import :data:`WARM_UP_MODULES`; a failure is left for the real import to report."""
    for name in WARM_UP_MODULES:
        try:
            importlib.import_module(name)
        except Exception:
            continue


KEEP_DRAFTS_ON = frozenset({"manual", "idle", "quick-hide"})


def _descends_from(widget: QWidget, ancestors: Sequence[QWidget]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if any(parent is a for a in ancestors):
            return True
        parent = parent.parentWidget()
    return False


class AppShell(QObject):
    """Owns the top-level windows and the open office.

    Signals:
        locked(str): the office was locked (the reason: "manual", "idle", "quick-hide", ...).
        opened(): the main window is shown for a freshly unlocked office.
    """

    locked = Signal(str)
    opened = Signal()

    def __init__(
        self,
        data_dir: Path,
        folder: OfficeFolder | None = None,
        demo_credentials: dict[str, str] | None = None,
        idle_interval_ms: int | None = None,
        idle_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.folder = folder or OfficeFolder(self.data_dir)
        self.demo_credentials = demo_credentials
        self.idle_interval_override = idle_interval_ms
        self.office: UnlockedOffice | None = None
        self.main_window: MainWindow | None = None
        self.unlock_window: UnlockWindow | None = None
        self.wizard: QWidget | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        self.idle = InactivityTimer(5 * MINUTE_MS, self, clock=idle_clock)
        self.idle.inactive.connect(self._idle_timeout)
        self.safety_keys = SafetyKeys(self)
        self.safety_keys.lock_pressed.connect(lambda: self.lock("manual"))
        self.safety_keys.hide_pressed.connect(self.quick_hide)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.safety_keys)

    # -- windows ---------------------------------------------------------------------------------

    def start(self) -> None:
        if self.folder.exists():
            self.show_unlock()
        else:
            self.show_wizard()
        QTimer.singleShot(WARM_UP_DELAY_MS, self._warm_up)

    @staticmethod
    def _warm_up() -> None:
        threading.Thread(target=warm_up_imports, name="shsc-warm-up-imports", daemon=True).start()

    def show_wizard(self) -> None:
        from .wizard import SetupWizard

        wizard = SetupWizard(self.folder)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.office_ready.connect(self._wizard_finished)
        wizard.language_requested.connect(self.change_language)
        self.wizard = wizard
        wizard.show()

    def _wizard_finished(self, office: UnlockedOffice) -> None:
        self.wizard = None
        self.open_office(office)

    def show_unlock(self) -> UnlockWindow:
        if self.unlock_window is None:
            self.unlock_window = UnlockWindow(self.folder, self.demo_credentials)
            self.unlock_window.unlocked.connect(self.open_office)
            self.unlock_window.language_requested.connect(self.change_language)
        else:
            self.unlock_window.reload()
        self.unlock_window.show()
        self.unlock_window.raise_()
        self.unlock_window.activateWindow()
        return self.unlock_window

    def open_office(self, office: UnlockedOffice) -> None:
        """After any unlock: force a password change if one is due, then the main window."""
        self.office = office
        if self._password_change_due(office):
            dialog = ChangePasswordDialog(office, forced=True)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.password_changed.connect(self._show_main)
            dialog.rejected.connect(lambda: self.lock("signed out"))
            self.password_dialog = dialog
            dialog.show()
        else:
            self._show_main()
        # Hidden only now: with no window visible for a moment Qt would quit the application.
        if self.unlock_window is not None:
            self.unlock_window.hide()

    @staticmethod
    def _password_change_due(office: UnlockedOffice) -> bool:
        """Opens the session (the services and the change notifier, until the lock) and says whether
        the first window is the forced password change, as the unlock read it on its own thread."""
        open_session(office)
        return office.password_change_due

    def _show_main(self) -> None:
        from .main_window import MainWindow

        assert self.office is not None
        self.password_dialog = None
        window = MainWindow(self.office)
        window.lock_requested.connect(self.lock)
        window.quick_hide_requested.connect(self.quick_hide)
        window.language_requested.connect(self.change_language)
        window.auto_lock_changed.connect(self._set_idle_minutes)
        window.restore_requested.connect(self.restore)
        self.main_window = window
        window.show()
        window.activateWindow()
        self._read_idle_minutes(window)
        self.idle.activate()
        self.safety_keys.enabled = True
        if not self.office.integrity_checked:
            self._check_integrity_in_background(window)
        from .drafts import offer_drafts  # with SQLAlchemy, not before an office is open (start-up)

        offer_drafts(window, self.office)
        self.opened.emit()

    def _check_integrity_in_background(self, window: MainWindow) -> None:
        """A large database was only key-checked at unlock; check every page now, quietly.

        A damaged page locks the office and shows the sign-in window's "damaged" panel, with its
        offer to restore from a backup.
        """
        office = self.office
        assert office is not None

        def failed(error: BaseException) -> None:
            if not isinstance(error, DatabaseDamaged):  # another expected error: just say it
                show_error(self.main_window, error)  # type: ignore[arg-type]
                return
            self.lock("damaged")
            assert self.unlock_window is not None
            self.unlock_window.show_damaged(error)

        operations.run_in_background(window, lambda task: office.check_integrity(), on_failure=failed)

    def _read_idle_minutes(self, window: MainWindow) -> None:
        """The office's idle minutes, read on the runner: the timer runs on the default until then."""
        from ..services.admin import DEFAULT_AUTO_LOCK_MINUTES  # loaded with the main window

        assert self.office is not None
        admin = session_of(self.office).services.admin
        self._set_idle_minutes(DEFAULT_AUTO_LOCK_MINUTES)
        operations.run_in_background(
            window, lambda _task: admin.get_auto_lock_minutes(), on_success=self._set_idle_minutes
        )

    def _set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_interval_ms(self.idle_interval_override or minutes * MINUTE_MS)

    # -- locking ---------------------------------------------------------------------------------

    def _idle_timeout(self) -> None:
        if operations.running_count() > 0:
            self.idle.activate()  # a backup or restore is running: lock once it is done
            return
        self.lock("idle")

    def lock(self, reason: str = "manual") -> None:
        """Hide every window at once, destroy those with data, lock the office (drops the key) and
        show the sign-in window."""
        self.safety_keys.enabled = False
        self.idle.deactivate()
        # The sign-in window is shown before the others are hidden, so that Qt never sees "the last
        # window closed" and quits.
        self.show_unlock()
        from .drafts import keep_drafts, open_forms  # loaded with the main window already

        unsaved = open_forms(self.main_window) if reason in KEEP_DRAFTS_ON else []
        self._hide_everything_else()
        keep_drafts(self.office, unsaved)  # sealed to her own key: see services.drafts
        operations.cancel_all()
        operations.wait_for_all()
        for window in (self.main_window, self.password_dialog):
            if window is not None:
                window.close()
                window.deleteLater()
        self.main_window = None
        self.password_dialog = None
        if self.office is not None:
            self.office.lock(reason)
            close_session(self.office)
            self.office = None
            self.locked.emit(reason)

    def _hide_everything_else(self) -> None:
        """Every window of this office off the screen in one go: the main window, record forms,
        dialogs, message boxes, open drop-downs and calendars (every one is parented, in the end, to
        the main window; windows of another office open in the same process are left alone)."""
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.hide()
            if QApplication.activePopupWidget() is popup:
                break
        ours = [w for w in (self.main_window, self.password_dialog) if w is not None]
        for widget in QApplication.topLevelWidgets():
            if widget is self.unlock_window or widget is self.wizard or not widget.isVisible():
                continue
            if widget in ours or _descends_from(widget, ours):
                widget.hide()

    def quick_hide(self) -> None:
        """Blank the screen first (someone is looking), then lock."""
        self.lock("quick-hide")

    def restore(self, backup_file: Path) -> None:
        """Restoring replaces the open database: lock first, then restore from the sign-in window."""
        self.lock("restore")
        assert self.unlock_window is not None
        self.unlock_window.restore_from_file(Path(backup_file))

    def shutdown(self) -> None:
        """Lock, wait for background work, and destroy every window while Qt is still running.

        Windows left for Python's interpreter exit would be destroyed after the QApplication,
        which crashes (a segfault on quitting from the sign-in window).
        """
        if self.office is not None:
            self.lock("quit")
        operations.wait_for_all()
        for window in (self.main_window, self.password_dialog, self.unlock_window, self.wizard):
            if window is not None and shiboken6.isValid(window):  # some delete themselves on close
                window.hide()
                window.deleteLater()
        self.main_window = self.password_dialog = self.unlock_window = self.wizard = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # -- language --------------------------------------------------------------------------------

    def change_language(self, lang: str) -> None:
        if lang == i18n.current_language():
            return
        i18n.set_language(lang)
        i18n.save_language(self.data_dir, lang)
