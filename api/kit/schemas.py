"""Base classes for request bodies: unknown fields, NaN/Infinity and control characters are
refused."""

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

# C0 control characters other than tab, line feed and carriage return: invisible, and no
# spreadsheet (nor PostgreSQL, for NUL) can store them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _contains_control(value: Any) -> bool:
    if isinstance(value, str):
        return CONTROL_CHARACTERS.search(value) is not None
    if isinstance(value, dict):
        return any(_contains_control(k) or _contains_control(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_contains_control(v) for v in value)
    return False


class StrictInput(BaseModel):
    """Every request body derives from this."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _refuse_control_characters(cls, data: Any) -> Any:
        if _contains_control(data):
            raise ValueError(
                "Control characters (such as \\u0000 or \\u001f) are not allowed / "
                "不允许包含控制字符（如 \\u0000、\\u001f）"
            )
        return data
