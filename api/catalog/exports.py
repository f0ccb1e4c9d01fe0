"""The MCU catalog (MCU型号) as a file."""

from api.catalog.schemas import McuModelPublic
from api.exporting import Column, Sheet

MCU_MODELS: Sheet[McuModelPublic] = Sheet(
    "mcu-models",
    [
        Column("型号", "Part number", lambda m: m.part_number),
        Column("系列", "Series", lambda m: m.series),
        Column("内核", "Core", lambda m: m.core),
        Column("状态", "Status", lambda m: m.status),
    ],
)
