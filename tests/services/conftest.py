from tests.office_copies import office_template, quick  # noqa: F401  (shared fixtures)
