"""Alembic environment: runs on the connection that ``store.engine.migrate`` hands over."""

from alembic import context

from newsgraph.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
