"""Alembic environment: migrations run in-process on the already keyed connection.

The app never gives Alembic a URL (that would need the key in it); ``models.migrate`` passes the
open connection through ``config.attributes``.
"""

from alembic import context

from shsc_desktop.models import tables  # noqa: F401  (registers the tables on Base.metadata)
from shsc_desktop.models.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
