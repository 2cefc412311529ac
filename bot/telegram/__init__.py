"""The Telegram side: the update runtime, handlers, jobs, transport, rate limits and metrics.

Handlers and jobs read an update or a due time, call a use case, and send what it returns.
"""
