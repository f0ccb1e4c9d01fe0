"""The build id of the SPA this process serves: `version.json` written into the dist folder by
the SPA build (frontend/vite.config.ts). Re-read when the file changes, so a redeployed SPA is
reported without restarting the API."""

import json
from pathlib import Path

VERSION_FILE = "version.json"

_cache: dict[Path, tuple[tuple[int, int], str]] = {}


def served_build(dist: Path) -> str:
    """The served SPA's build id; "" when the SPA is not built (or its file is unreadable)."""
    path = dist / VERSION_FILE
    try:
        stat = path.stat()
    except OSError:
        return ""
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    try:
        build = json.loads(path.read_text(encoding="utf-8")).get("build", "")
    except (OSError, ValueError, AttributeError):
        return ""
    build = build if isinstance(build, str) else ""
    _cache[path] = (stamp, build)
    return build
