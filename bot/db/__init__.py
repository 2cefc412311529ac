"""Database: models, session factory, queries. Importing it registers every table."""

from bot.db import inbox as _inbox  # noqa: F401  (the inbox table lives in its own module)
