"""What an integrator token may read: nothing else, whatever its creator may do."""

from enum import StrEnum


class TokenScope(StrEnum):
    FORECAST_READ = "forecast:read"
    STATS_READ = "stats:read"


TOKEN_PREFIX = "cdk_"  # tells an API token from a JWT at a glance
