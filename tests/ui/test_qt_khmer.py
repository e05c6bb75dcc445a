"""Qt's own dialogs and menus follow the interface language: the file dialog, message box buttons and
the text fields' context menu read in Khmer (Qt ships no Khmer; i18n/shsc_qt_km.ts does), and back in
English after a switch."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton

from shsc_desktop.views import i18n

LATIN = re.compile("[A-Za-z]")


def shown_texts(dialog) -> list[str]:
    texts = [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible() and b.text()]
    texts += [label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()]
    return [text.replace("&", "") for text in texts]  # without the keyboard accelerators


def test_the_file_dialog_speaks_khmer_and_switches_back(qtbot) -> None:
    i18n.set_language("km")
    dialog = QFileDialog(None, "ក")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    texts = shown_texts(dialog)
    assert "រក្សាទុក" in texts and "បោះបង់" in texts
    assert "ឈ្មោះឯកសារ៖" in texts and "ប្រភេទឯកសារ៖" in texts
    assert not [t for t in texts if LATIN.search(t)], texts

    i18n.set_language("en")
    qtbot.waitUntil(lambda: "Save" in shown_texts(dialog), timeout=3000)
    assert "Files of type:" in shown_texts(dialog)


def test_message_box_buttons_and_the_text_menu_speak_khmer(qtbot) -> None:
    i18n.set_language("km")
    box = QMessageBox(QMessageBox.Icon.Information, "ក", "ខ", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    box.show()
    assert box.button(QMessageBox.StandardButton.Ok).text() == "យល់ព្រម"
    field = QLineEdit("ក")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    actions = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "ចម្លង" in [a.split("\t")[0] for a in actions]
    assert not [a for a in actions if LATIN.search(a.split("\t")[0])], actions
