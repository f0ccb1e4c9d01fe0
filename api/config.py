"""Settings from the environment and `.env` (pydantic-settings)."""

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = PROJECT_ROOT / "var"
PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev"}


def _dev_secret_key() -> str:
    """A dev secret generated once and kept in var/, so restarts keep sessions valid."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "production"] = "development"
    database_url: str = f"sqlite+aiosqlite:///{VAR_DIR / 'channeldesk.db'}"
    secret_key: str = ""
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    set_password_link_hours: int = Field(default=72, ge=1, le=24 * 30)
    password_min_length: int = Field(default=12, ge=8, le=64)
    # Sign-in throttling (NIST SP 800-63B 5.2.2): after the free failures every further one
    # waits twice as long as the one before, up to the cap; never a lock anyone can trigger.
    login_max_failures: int = Field(default=5, ge=1, description="per account, before a delay")
    login_address_max_failures: int = Field(
        default=50, ge=1, description="per client address (all accounts and unknown names)"
    )
    login_delay_seconds: int = Field(default=30, ge=1, description="the first delay")
    login_max_delay_seconds: int = Field(default=3600, ge=1)
    login_failures_forgotten_hours: int = Field(
        default=24, ge=1, description="a subject with no failure for this long starts afresh"
    )
    # Conflict checks a person may run per hour: typing a name checks a few prefixes; hundreds
    # an hour is harvesting other agents' customers (SPEC §3).
    registration_checks_per_hour: int = Field(default=60, ge=1)
    question_reminder_days: int = Field(
        default=3, ge=1, description="days a question waits before the vendor's staff are mailed"
    )
    # Checked before a body is parsed (413): JSON and form bodies, and the routes that carry a file.
    body_max_bytes: int = Field(default=1024 * 1024, ge=1024)
    upload_max_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    # The legacy import's .xlsx, checked before it is parsed and while its rows are read
    # (api/kit/sheets.py): rows under the header (blank ones too), columns read per row, entries
    # of its string table, all of it unpacked, and the compression ratio of one part.
    import_max_rows: int = Field(default=20_000, ge=1)
    import_max_columns: int = Field(default=50, ge=11)
    import_max_shared_strings: int = Field(default=250_000, ge=1)
    import_max_unpacked_mb: int = Field(default=100, ge=1)
    import_max_compression_ratio: int = Field(default=100, ge=10)
    # A list's .xlsx or CSV holds at most this many rows; a longer one ends with a row that says
    # it was cut (narrow the filters for the rest).
    export_max_rows: int = Field(default=100_000, ge=1)
    cors_origins: list[str] = []
    demo_mode: bool = False
    public_base_url: str = "http://127.0.0.1:8000"
    # Who issues access tokens and for whom (JWT iss/aud): a token of another deployment, even one
    # sharing the secret, is refused. Empty: PUBLIC_BASE_URL for both.
    token_issuer: str = ""
    token_audience: str = ""
    # Believe X-Forwarded-Proto (for HSTS) only behind our own reverse proxy: anyone can send it.
    trust_forwarded_proto: bool = False
    spa_dist_dir: Path = PROJECT_ROOT / "frontend" / "dist"
    log_level: str = "INFO"
    smtp_host: str = Field(default="", description="empty: no sending; emails wait in the outbox")
    smtp_port: int = 25
    smtp_security: Literal["none", "starttls", "ssl"] = "none"
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = "ChannelDesk 渠道通 <noreply@channeldesk.example.com>"
    outbox_max_attempts: int = Field(default=8, ge=1, le=50)
    outbox_lease_seconds: int = Field(
        default=300, ge=120, description="how long a sender owns the messages it claimed"
    )
    jobs_interval_minutes: float = Field(default=10, ge=0, description="0: no in-app schedule")

    @model_validator(mode="after")
    def _secure_defaults(self) -> "Settings":
        if self.environment == "production":
            if self.secret_key.strip().lower() in PLACEHOLDER_SECRETS or len(self.secret_key) < 32:
                raise ValueError(
                    "SECRET_KEY must be set to a random value of 32+ characters in production"
                )
            if self.demo_mode:
                raise ValueError("DEMO_MODE must be off in production (demo passwords are public)")
        elif not self.secret_key:
            self.secret_key = _dev_secret_key()
        self.token_issuer = self.token_issuer or self.public_base_url.rstrip("/")
        self.token_audience = self.token_audience or self.token_issuer
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
