"""The Contacts section: the referral-network directory (who offers which service, whom to call),
with search by service and text, a form, and import/export as CSV or XLSX.

An import is all or nothing: a file with bad rows is reported line by line and changes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from ..errors import ImportProblems, ShscError
from ..exports import directory_io
from ..models import codes
from ..services.contacts import ContactDraft, ContactView, ImportResult
from ..services.office import UnlockedOffice
from .builders import box_button, named, push_button, vbox
from .file_dialogs import file_dialog, save_dialog
from .form_helpers import (
    CheckGrid,
    OptionalDateEdit,
    checked_codes,
    code_combo,
    code_of,
    field_form,
    fill_codes,
    fill_question,
    problem_text,
    refuse_bad_dates,
    set_checked,
    set_code,
    set_field_label,
)
from .i18n import current_language
from .list_columns import fit_columns
from .messages import show_error, show_message
from .operations import BackgroundOperation, Task, run_in_background, run_write
from .printing import ask_printer, new_printer, print_pdf
from .record_pages import (
    RegisterForm,
    RegisterPage,
    ask_delete_record,
    open_record_form,
    record_table,
    search_box,
    selected_record,
)
from .register_tables import ContactTableModel
from .screen import FlowRow, fit_to_screen, scrolling


class ContactForm(RegisterForm):
    """Create or edit one directory entry.

    ``saved`` carries the :class:`ContactView` written.
    """

    form_kind = "contact"

    def __init__(
        self, office: UnlockedOffice, contact: ContactView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(office, "contactForm", contact.id if contact is not None else None, parent)
        self.service = self.session.services.contacts
        self.contact = contact
        P = self.problems.label
        self.name_km = named(QLineEdit(), "nameKm")
        self.name_en = named(QLineEdit(), "nameEn")
        self.organisation_type = code_combo("organisationType")
        self.services_widget = CheckGrid(codes.SERVICE_TYPE, "service", "services")
        self.service_boxes = self.services_widget.boxes
        self.contact_person = named(QLineEdit(), "contactPerson")
        self.position = named(QLineEdit(), "position")
        self.phone = named(QLineEdit(), "phone")
        self.phone2 = named(QLineEdit(), "phone2")
        self.email = named(QLineEdit(), "email")
        self.address = named(QLineEdit(), "address")
        self.hours = named(QLineEdit(), "hours")
        self.coverage = code_combo("coverage")
        self.last_verified = OptionalDateEdit("lastVerified")
        self.active = named(QCheckBox(), "active")
        self.active.setChecked(True)
        self.form = field_form(
            P,
            [
                (self.name_km, "name_km"),
                (self.name_en, "name_en"),
                (self.organisation_type, "organisation_type"),
                (self.services_widget, "services"),
                (self.contact_person, "contact_person"),
                (self.position, "position"),
                (self.phone, "phone"),
                (self.phone2, "phone2"),
                (self.email, "email"),
                (self.address, "address"),
                (self.hours, "hours"),
                (self.coverage, "coverage"),
                (self.last_verified, "last_verified"),
                (self.active, None),
            ],
        )
        fields = QWidget()
        fields.setLayout(self.form)
        # The fields scroll; the buttons stay in view.
        vbox(self, self.error, (scrolling(fields, "contactFields"), 1), self.buttons)
        self.retranslate()
        if contact is not None:
            self._fill(contact)
        fit_to_screen(self, 640, 700)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Directory entry"))
        for field, text in (
            (self.name_km, self.tr("Name in Khmer:")),
            (self.name_en, self.tr("Name in English:")),
            (self.organisation_type, self.tr("Type:")),
            (self.services_widget, self.tr("Services offered:")),
            (self.contact_person, self.tr("Contact person:")),
            (self.position, self.tr("Position:")),
            (self.phone, self.tr("Phone:")),
            (self.phone2, self.tr("Second phone:")),
            (self.email, self.tr("E-mail:")),
            (self.address, self.tr("Address:")),
            (self.hours, self.tr("Opening hours:")),
            (self.coverage, self.tr("Area covered:")),
            (self.last_verified, self.tr("Last verified:")),
        ):
            set_field_label(self.form, field, text)
        self.active.setText(self.tr("Active (offered in new referrals)"))
        self.services_widget.retranslate()
        fill_question(self.organisation_type, codes.ORGANISATION_TYPE)
        fill_question(self.coverage, codes.COVERAGE)
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _fill(self, c: ContactView) -> None:
        self.name_km.setText(c.name_km)
        self.name_en.setText(c.name_en)
        set_code(self.organisation_type, c.organisation_type)
        set_checked(self.service_boxes, c.services)
        self.contact_person.setText(c.contact_person)
        self.position.setText(c.position)
        self.phone.setText(c.phone)
        self.phone2.setText(c.phone2)
        self.email.setText(c.email)
        self.address.setText(c.address)
        self.hours.setText(c.hours)
        set_code(self.coverage, c.coverage)
        self.last_verified.set_value(c.last_verified)
        self.active.setChecked(c.active)

    def draft(self) -> ContactDraft:
        return ContactDraft(
            organisation_type=code_of(self.organisation_type),
            services=checked_codes(self.service_boxes),
            name_en=self.name_en.text(),
            name_km=self.name_km.text(),
            contact_person=self.contact_person.text(),
            position=self.position.text(),
            phone=self.phone.text(),
            phone2=self.phone2.text(),
            email=self.email.text(),
            address=self.address.text(),
            hours=self.hours.text(),
            coverage=code_of(self.coverage),
            last_verified=self.last_verified.value(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        if refuse_bad_dates(self, self.error):
            return
        draft, contact = self.draft(), self.contact
        if contact is None:
            self.write(lambda _t: self.service.create(draft))
        else:
            self.write(lambda _t: self.service.update(contact.id, draft, contact.version))


class ImportReport(QDialog):
    """The lines of an import file that have problems (nothing was imported)."""

    def __init__(self, problems: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Directory import"))
        self.intro = QLabel(self.tr("Nothing was imported. Correct these lines in the file and try again:"))
        self.intro.setWordWrap(True)
        self.lines = named(QListWidget(), "problemLines")
        for line, message in problems:
            shown = problem_text(message)  # "name_km: …" for a Problem in_field (the file's column)
            self.lines.addItem(self.tr("Line %1: %2").replace("%1", str(line)).replace("%2", shown))
        box = QDialogButtonBox()
        box_button(box, "okButton", QDialogButtonBox.ButtonRole.AcceptRole, self.tr("Close"))
        box.accepted.connect(self.accept)
        vbox(self, self.intro, (self.lines, 1), box)
        self.resize(620, 360)


class ContactsPage(RegisterPage):
    """The referral-network directory.

    Reloads on the office's change notice (contacts); its writes send one (referrals follow).
    """

    follows = ("contacts",)

    def __init__(self, office: UnlockedOffice, parent: QWidget | None = None) -> None:
        super().__init__(office, "contactsPage", parent)
        self.service = self.session.services.contacts
        self.form: ContactForm | None = None
        self.report: ImportReport | None = None
        self._generation = 0

        self.service_filter = code_combo("serviceFilter")
        self.search, self.search_timer = search_box(self)
        self.active_only = named(QCheckBox(), "activeOnly")
        filters = FlowRow().add_widgets(self.service_filter, self.active_only, self.search)

        self.model = ContactTableModel(self)
        self.table = record_table("contactTable", self.model, alternating=True)
        self.table.setWordWrap(False)
        fit_columns(self.table, (ContactTableModel.COL_PHONE, ContactTableModel.COL_VERIFIED))

        self.record_buttons("Contact", may_delete=self.can_write)
        self.import_button = push_button("importButton")
        self.export_button = push_button("exportButton")
        self.printer: QPrinter | None = None
        self.directory_button = push_button("printDirectoryButton")
        self.directory_pdf_button = push_button("saveDirectoryButton")
        self.count_label = QLabel()
        self.import_button.setVisible(self.can_write)
        buttons = FlowRow().add_widgets(
            self.new_button,
            self.open_button,
            self.delete_button,
            self.count_label,
            self.import_button,
            self.export_button,
            self.directory_button,
            self.directory_pdf_button,
        )

        vbox(self, self.heading, filters, (self.table, 1), buttons)

        self.service_filter.currentIndexChanged.connect(self.refresh)
        self.active_only.toggled.connect(self.refresh)
        self.search_timer.timeout.connect(self.refresh)
        self.follow_table(self.table)
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button.clicked.connect(self.choose_export_file)
        self.directory_button.clicked.connect(self.choose_printer)
        self.directory_pdf_button.clicked.connect(self.choose_directory_file)

        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Referral network directory"))
        fill_codes(self.service_filter, codes.SERVICE_TYPE, self.tr("All services"))
        self.active_only.setText(self.tr("Active only"))
        self.search.setPlaceholderText(self.tr("Search by name, person, address or phone"))
        self.record_texts(self.tr("New entry…"), self.tr("Open"), self.tr("Delete…"))
        self.import_button.setText(self.tr("Import CSV/XLSX…"))
        self.export_button.setText(self.tr("Export CSV/XLSX…"))
        self.directory_button.setText(self.tr("Print directory…"))
        self.directory_pdf_button.setText(self.tr("Directory as PDF…"))
        self.model.retranslate()
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n entries", "", self.model.rowCount()))

    def refresh(self) -> None:
        self.search_timer.stop()
        text, service, active = (
            self.search.text(),
            code_of(self.service_filter) or None,
            self.active_only.isChecked(),
        )
        self._generation += 1
        generation = self._generation

        def show(rows: list[ContactView]) -> None:
            if generation == self._generation:
                self.model.set_rows(rows)
                self._show_count()

        run_in_background(self, lambda _t: self.service.search(text, service, active_only=active), show)

    def selected(self) -> ContactView | None:
        contact: ContactView | None = selected_record(self.table)
        return contact

    def open_new(self) -> ContactForm:
        return self._open(None)

    def open_selected(self) -> BackgroundOperation | None:
        """Read the chosen entry in the background (as it is now, not as the list showed it), then
        open its form (``self.form``)."""
        contact = self.selected()
        return self.open_read(contact.id if contact else None, self.service.get, self._open)

    def _open(self, contact: ContactView | None) -> ContactForm:
        self.form = open_record_form(ContactForm(self.office, contact, self), self.can_write)
        return self.form

    def ask_delete(self) -> None:
        contact = self.selected()
        if contact is None:
            return
        question = self.tr(
            "Delete %1 from the directory? An entry used by referrals can only be made inactive. "
            "Why is it being deleted? The reason is kept in the audit log."
        ).replace("%1", contact.name(current_language()))
        ask_delete_record(
            self,
            self.session.hub,
            (self.tr("Delete directory entry"), question, self.tr("Delete")),
            lambda reason: self.service.delete(contact.id, reason),
        )

    # -- import and export ------------------------------------------------------------------------

    def choose_import_file(self) -> QFileDialog:
        return file_dialog(
            self,
            self.tr("Import a directory file"),
            "directory",
            lambda paths: self.import_file(paths[0]),
            name_filters=[self.tr("Directory files (*.csv *.xlsx)")],
        )

    def import_file(self, path: Path) -> None:
        def work(_task: object) -> ImportResult:
            return self.service.import_rows(directory_io.read(path))

        def done(result: ImportResult) -> None:
            show_message(
                self,
                self.tr("The directory was imported. New entries: %1; updated: %2.")
                .replace("%1", str(result.created))
                .replace("%2", str(result.updated)),
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, ImportProblems):
                self.report = ImportReport(error.problems, self)
                self.report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                self.report.open()
            else:
                assert isinstance(error, ShscError)
                show_error(self, error)

        run_write(self, self.session.hub, work, done, failed)

    def choose_export_file(self) -> QFileDialog:
        return save_dialog(
            self,
            self.tr("Export the directory"),
            "directory",
            self.export_file,
            [self.tr("Spreadsheet (*.xlsx)"), self.tr("CSV UTF-8 (*.csv)")],
            f"directory-{date.today().isoformat()}.xlsx",
        )

    def export_file(self, path: Path) -> None:
        def work(_task: object) -> int:
            rows = self.service.export_rows()
            if path.suffix.lower() == ".xlsx":
                directory_io.write_xlsx(path, rows)
            else:
                directory_io.write_csv(path, rows)
            return len(rows)

        def done(count: int) -> None:
            show_message(
                self,
                self.tr("%n entries were written to %1.", "", count).replace("%1", str(path)),
            )

        run_in_background(self, work, done)

    # -- printable directory ----------------------------------------------------------------------

    def choose_printer(self) -> QPrintDialog:
        if self.printer is None:
            self.printer = new_printer()
        return ask_printer(self, self.printer, self.tr("Print the directory"), self.print_to)

    def print_to(self, printer: QPrinter) -> BackgroundOperation:
        """Build the directory in memory, in the interface language, and print its pages."""
        lang = current_language()

        def work(task: Task) -> int:
            return print_pdf(self.service.directory_for_print(lang), printer, task.report, task.is_cancelled)

        def done(pages: int) -> None:
            show_message(self, self.tr("Sent %n pages to the printer.", "", pages))

        return run_in_background(self, work, done)

    def choose_directory_file(self) -> QFileDialog:
        """The printable directory as PDF, in the interface language, where the user chooses."""
        lang = current_language()
        return save_dialog(
            self,
            self.tr("Save the printable directory as PDF"),
            "pdf",
            lambda path: self.write_directory(path, lang),
            [self.tr("PDF documents (*.pdf)")],
            f"directory-{date.today().isoformat()}-{lang}.pdf",
        )

    def write_directory(self, path: Path, lang: str) -> None:
        def done(count: int) -> None:
            show_message(
                self,
                self.tr("The directory (%n organisations) was written to %1.", "", count).replace(
                    "%1", str(path)
                ),
            )

        run_in_background(self, lambda _t: self.service.directory_pdf(path, lang), done)
