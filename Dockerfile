# The HTTP API; Neo4j runs in its own container (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY . /app
# A plain install: queries, lexicons and the page come from the package; samples/ stays in /app for
# `docker compose run --rm api guanxi load samples`.
RUN pip install . \
    && useradd --create-home --uid 10001 guanxi

USER guanxi
EXPOSE 8000
CMD ["guanxi", "serve", "--host", "0.0.0.0", "--port", "8000"]
