"""One measurement of a scenario, whichever driver made it (wrk or httpx)."""

from dataclasses import dataclass, field


@dataclass
class Measurement:
    scenario: str
    role: str
    workers: int
    connections: int
    driver: str  # "wrk" or "httpx"
    requests: int
    errors: int  # answers that are not 2xx plus socket errors: must be 0
    per_second: float
    p50: float  # ms
    p95: float
    p99: float
    statuses: dict[str, int] = field(default_factory=dict)
    socket_errors: dict[str, int] = field(default_factory=dict)
    rows: int | None = None  # of a CSV answer: records under the header, the cut note included


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def not_2xx(statuses: dict[str, int]) -> int:
    return sum(n for code, n in statuses.items() if not code.startswith("2"))
