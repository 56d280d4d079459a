"""Settings from the environment (prefix GUANXI_) or a .env file.

With no GUANXI_NEO4J_URI the project runs its own local Neo4j (graph/server.py),
whose address and generated password live under ``home``: ``.neo4j`` in the clone, or, for an
installed ``guanxi`` (no source tree), ``.neo4j`` in the current directory, beside its ``.env``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
# Installed from a wheel, REPO_ROOT is site-packages: no place for a user's server and graph.
SOURCE_TREE: Path | None = REPO_ROOT if (REPO_ROOT / "pyproject.toml").is_file() else None


def default_home() -> Path:
    return (SOURCE_TREE or Path.cwd()) / ".neo4j"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GUANXI_", env_file=".env", extra="ignore")

    # An external Neo4j (Docker, a server, Aura). Unset: the project's own local server.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = None
    neo4j_database: str = "neo4j"

    # The local server: jars, instances (conf, data, logs, password) live under home.
    home: Path = Field(default_factory=default_home)
    instance: str = "main"
    bolt_port: int = 7687
    heap_size: str = "1g"
    pagecache_size: str = "512m"

    # Driver behaviour: one slow query must not starve the rest.
    query_timeout_s: float = 15.0
    connection_timeout_s: float = 5.0

    # `guanxi serve`: worker processes (unset: one per core) and a log line per request.
    api_workers: int | None = None
    api_access_log: bool = False
    # Each worker keeps the answers of the graph's read endpoints (api/cache.py), up to api_cache_mb
    # of response bytes, until the graph changes; whether it changed is asked of Neo4j at most every
    # api_cache_check_ms, so a write shows in another worker's answers at most that long after it.
    api_cache: bool = True
    api_cache_mb: float = 128.0
    api_cache_check_ms: int = 500

    # Write endpoints need a key: this shared one, or an editor's own (guanxi/editor_keys.py), kept
    # hashed in editor_keys_file (default: editor-keys under home). Reads stay open.
    api_key: str | None = None
    editor_keys_file: Path | None = None
    user_lexicon: Path | None = None

    # `guanxi fetch`: pages are kept in fetch_cache (default: fetch-cache under home) so none is
    # downloaded twice; fetch_delay_s between two requests to one site; fetch_contact (an address or
    # a page) goes in the user agent, so that a site's webmaster can reach whoever is crawling.
    fetch_cache: Path | None = None
    fetch_delay_s: float = 2.0
    fetch_contact: str | None = None

    @property
    def editor_keys_path(self) -> Path:
        return self.editor_keys_file or Path(self.home) / "editor-keys"

    @property
    def fetch_cache_path(self) -> Path:
        return self.fetch_cache or Path(self.home) / "fetch-cache"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
