FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite+aiosqlite:////data/smallsteps.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY content ./content
# A normal install: the content (as bot.content) and the migrations are package data.
RUN pip install . \
    && rm -rf /app/bot /app/content \
    && useradd --create-home --uid 10001 smallsteps \
    && mkdir /data && chown smallsteps:smallsteps /data

USER smallsteps
VOLUME ["/data"]
# /healthz says 503 when the database is away or a loop is stuck: the orchestrator sees it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('HEALTH_PORT', '8081') + '/healthz', timeout=3)"]
CMD ["smallsteps", "run"]
