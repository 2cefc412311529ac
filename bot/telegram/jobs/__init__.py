"""Repeating jobs: the daily prompt, weekly summary and group challenge outboxes."""
