"""Where the API lives under the server's root."""

API_PREFIX = "/api/v1"
