"""The Settings tab of the Administration page (an :mod:`~shsc_desktop.views.admin_part`): the idle
lock, the language, and what identifying details the office keeps (perpetrators' names, how long
identities of closed cases are kept). Each setting is written on the runner; its change notice
makes every page that depends on it read it again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QWidget

from ..errors import ShscError
from ..security.permissions import Perm
from ..services.admin import AUTO_LOCK_KEY, MAX_AUTO_LOCK_MINUTES, MAX_RETENTION_YEARS, MIN_AUTO_LOCK_MINUTES
from ..services.identities import RETENTION_SETTING
from ..services.incidents import PERPETRATOR_NAMES_SETTING
from .admin_part import AdminPart
from .builders import push_button, row_widget
from .form_helpers import CountSpinBox, set_field_label
from .i18n import current_language
from .messages import show_error, show_message
from .operations import BackgroundOperation, run_in_background, run_write
from .unlock import language_combo


class SettingsPart(AdminPart):
    """The office's settings of the Administration page."""

    def _build_settings_tab(self) -> QWidget:
        self.settings_tab = QWidget()
        self.auto_lock = CountSpinBox(lambda n: self.count_text("minutes", n))
        self.auto_lock.setObjectName("autoLockMinutes")
        self.auto_lock.setRange(MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES)
        self.save_auto_lock_button = push_button("saveAutoLockButton")
        self.language = language_combo()
        self.settings_form = QFormLayout(self.settings_tab)
        self.auto_lock_row = row_widget(self.auto_lock, self.save_auto_lock_button)
        self.settings_form.addRow(QLabel(), self.auto_lock_row)
        self.settings_form.addRow(QLabel(), self.language)
        # What identifying details the office keeps (issue 10: erasure).
        self.perpetrator_names = QCheckBox()
        self.perpetrator_names.setObjectName("collectPerpetratorNames")
        self.retention = CountSpinBox(lambda n: self.count_text("years", n))
        self.retention.setObjectName("identityRetentionYears")
        self.retention.setRange(0, MAX_RETENTION_YEARS)
        self.save_retention_button = push_button("saveRetentionButton")
        self.retention_row = row_widget(self.retention, self.save_retention_button)
        self.settings_form.addRow(QLabel(), self.perpetrator_names)
        self.settings_form.addRow(QLabel(), self.retention_row)
        can_settings = self.office.actor.can(Perm.MANAGE_SETTINGS)
        for field in (self.auto_lock_row, self.perpetrator_names, self.retention_row):
            field.setVisible(can_settings)
            self.settings_form.labelForField(field).setVisible(can_settings)
        self.perpetrator_names.toggled.connect(self.save_perpetrator_names)
        self.save_retention_button.clicked.connect(self.save_retention)
        self.save_auto_lock_button.clicked.connect(self.save_auto_lock)
        self.language.currentIndexChanged.connect(self._language_picked)
        return self.settings_tab

    def _retranslate_settings_tab(self) -> None:
        set_field_label(self.settings_form, self.perpetrator_names, self.tr("Perpetrators' names:"))
        self.perpetrator_names.setText(self.tr("Record them"))
        set_field_label(self.settings_form, self.retention_row, self.tr("Keep identities of closed cases:"))
        self.retention.setSpecialValueText(self.tr("always"))
        self.save_retention_button.setText(self.tr("Save"))
        self.save_auto_lock_button.setText(self.tr("Save"))
        set_field_label(self.settings_form, self.auto_lock_row, self.tr("Lock after inactivity:"))
        set_field_label(self.settings_form, self.language, self.tr("Language:"))
        self.language.blockSignals(True)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language.blockSignals(False)

    def load_settings(self) -> None:
        """The office's settings, read in the background (the page opens with the defaults shown)."""

        def read(_task: object) -> tuple[int, bool, int]:
            admin = self.admin
            return (
                admin.get_auto_lock_minutes(),
                admin.collects_perpetrator_names(),
                admin.get_identity_retention_years(),
            )

        def show(found: tuple[int, bool, int]) -> None:
            self.auto_lock.setValue(found[0])
            self.perpetrator_names.blockSignals(True)  # showing the setting is not changing it
            self.perpetrator_names.setChecked(found[1])
            self.perpetrator_names.blockSignals(False)
            self.retention.setValue(found[2])

        run_in_background(self, read, show)

    def _save_setting(
        self, key: str, write: Callable[[], None], saved: Callable[[], None] | None = None
    ) -> BackgroundOperation:
        """Write one office setting in the background; the change notice names ``key``, so every
        page that depends on it (this one included) reads it again. A refused value is shown, and the
        stored one put back."""

        def failed(error: BaseException) -> None:
            assert isinstance(error, ShscError)  # anything else went to the crash dialog
            show_error(self, error)
            self.load_settings()

        return run_write(
            self,
            self.session.hub,
            lambda _task: write(),
            lambda _none: saved() if saved is not None else None,
            failed,
        )

    def save_auto_lock(self) -> BackgroundOperation:
        minutes = self.auto_lock.value()
        admin = self.admin

        def saved() -> None:
            self.auto_lock_changed.emit(minutes)  # the shell's idle timer
            show_message(
                self,
                self.count_text("locks after", minutes),
            )

        return self._save_setting(AUTO_LOCK_KEY, lambda: admin.set_auto_lock_minutes(minutes), saved)

    def save_perpetrator_names(self, on: bool) -> BackgroundOperation:
        admin = self.admin
        return self._save_setting(PERPETRATOR_NAMES_SETTING, lambda: admin.set_collect_perpetrator_names(on))

    def save_retention(self) -> BackgroundOperation:
        years = self.retention.value()
        admin = self.admin
        return self._save_setting(
            RETENTION_SETTING,
            lambda: admin.set_identity_retention_years(years),
            lambda: self._retention_saved(years),
        )

    def _retention_saved(self, years: int) -> None:
        if years:
            text = self.count_text("erased after", years)
        else:
            text = self.tr("Survivors' identifying details are kept until a record is deleted.")
        show_message(self, text)

    def _language_picked(self, index: int) -> None:
        lang = self.language.itemData(index)
        if lang:
            self.language_requested.emit(str(lang))
