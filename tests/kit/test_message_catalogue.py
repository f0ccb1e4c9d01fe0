"""Every refusal a person can get has a Chinese and an English message."""

import re
from pathlib import Path

from api.kit.messages import MESSAGES, OBJECT_NAMES

API = Path(__file__).resolve().parents[2] / "api"
RAISED = re.compile(r'(?:AppError|Conflict|Forbidden|Unauthorized)\(\s*"(\w+)"')
OBJECTS = re.compile(r'NotFound\(\s*"(\w+)"')


def _found(pattern: re.Pattern[str]) -> set[str]:
    return {code for path in API.rglob("*.py") for code in pattern.findall(path.read_text("utf-8"))}


def test_every_raised_code_has_both_messages() -> None:
    missing = _found(RAISED) - set(MESSAGES)
    assert not missing, f"codes without a message: {sorted(missing)}"
    assert all(zh and en for zh, en in MESSAGES.values())


def test_every_not_found_object_has_a_name() -> None:
    missing = _found(OBJECTS) - set(OBJECT_NAMES)
    assert not missing, f"objects without a name: {sorted(missing)}"
