"""The HTTP API (FastAPI) over the graph repository."""
