"""The share page and the Mini App: aiohttp routes -> use cases -> HTML views."""
