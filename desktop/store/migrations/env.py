"""Alembic environment: always run by the app on a connection it opened (never from a URL)."""

from alembic import context

from desktop.store.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
