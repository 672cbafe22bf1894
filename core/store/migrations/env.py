"""Alembic environment: always runs on the connection handed over by core.store.db."""

from __future__ import annotations

from alembic import context

from core.store.models import TABLE_MODULES, Base

assert TABLE_MODULES  # every table module is loaded before autogenerate compares
connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
