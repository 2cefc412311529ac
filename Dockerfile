FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite+aiosqlite:////data/smallsteps.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
# A normal install: the content and the migrations are package data inside bot/.
RUN pip install . \
    && rm -rf /app/bot \
    && useradd --create-home --uid 10001 smallsteps \
    && mkdir /data && chown smallsteps:smallsteps /data

USER smallsteps
VOLUME ["/data"]
CMD ["smallsteps", "run"]
