"""Use cases: take a session and what a person did, change the rows, return what to say.

They never call Telegram (import-linter checks it): the Telegram layer sends what they return.
"""
