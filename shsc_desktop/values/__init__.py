"""Plain value types shared by services, exports and views: no SQL, no Qt, no I/O.

A type lives here when more than one floor needs it (an export prints what a service returns), so
that the lower floor does not have to import the higher one (the import-linter contracts in
``pyproject.toml``).
"""
