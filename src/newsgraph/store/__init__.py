"""The corpus database layer: schema, migrations, writing, queries and export over SQLite or PostgreSQL
(filling it from articles is ``newsgraph.corpus``)."""

DEFAULT_LIMIT = 100  # rows in one page of query results, unless asked otherwise
MAX_LIMIT = 10_000  # the hard cap on one page (export streams everything instead)
