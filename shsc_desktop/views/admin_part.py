"""The base of each tab of the Administration page that lives in its own module (``admin_backup``,
``admin_audit``, ``admin_settings``).

A part is one of :class:`~shsc_desktop.views.admin.AdminPage`'s bases, built by the page's
``__init__``: its widgets and methods stay the page's own, so the page's callers and tests see one
page. This base declares, for the type checker, what a part uses of the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .office_page import OfficePage

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance

    from ..services.admin import AdminService


class AdminPart(OfficePage):
    """What the Administration page's parts share of the page."""

    if TYPE_CHECKING:
        admin: AdminService
        count_text: Callable[[str, int], str]  # texts that count, in the page's context
        refresh: Callable[..., None]  # users and the audit log read again
        language_requested: SignalInstance
        auto_lock_changed: SignalInstance
        restore_requested: SignalInstance
