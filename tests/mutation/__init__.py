"""Mutation testing of bot/domain/: `python -m tests.mutation` (see __main__.py)."""
