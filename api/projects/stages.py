"""Project stages (SPEC §7), in order of advance; 暂停 and 丢失 are off the ladder."""

from enum import StrEnum


class ProjectStage(StrEnum):
    LEAD = "lead"  # 需求
    APPROVED = "approved"  # 立项
    DEVELOPMENT = "development"  # 研发
    SMALL_BATCH = "small_batch"  # 小批
    MASS_PRODUCTION = "mass_production"  # 量产
    ON_HOLD = "on_hold"  # 暂停
    LOST = "lost"  # 丢失


# SPEC §6 rule 2: these stages earn the longer protection period.
DEVELOPMENT_STAGES = frozenset({ProjectStage.DEVELOPMENT, ProjectStage.SMALL_BATCH})
