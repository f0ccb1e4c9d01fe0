from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from api.kit.schemas import StrictInput
from api.projects.stages import ProjectStage


class RulesPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    protection_new_months: int = Field(description="新报备客户保护期（月）")
    protection_development_months: int = Field(description="项目进入研发/小批后的保护期（月）")
    review_interval_months: int = Field(description="量产客户复核周期（月）")
    near_expiry_days: int = Field(description="到期提醒窗口（天）")
    followup_interval_days: int = Field(description="跟进报告最长间隔（天）")
    pool_cooldown_days: int = Field(description="释放后原代理商再次申请的等待天数")
    pool_max_pending: int = Field(description="每个代理商同时待审批的资源池申请上限")
    stage_probabilities: dict[ProjectStage, float] = Field(
        description="各阶段转化为量产出货的概率（预测用）"
    )
    updated_at: datetime


class RulesUpdate(StrictInput):
    protection_new_months: int | None = Field(default=None, ge=1, le=36)
    protection_development_months: int | None = Field(default=None, ge=1, le=60)
    review_interval_months: int | None = Field(default=None, ge=1, le=60)
    near_expiry_days: int | None = Field(default=None, ge=1, le=90)
    followup_interval_days: int | None = Field(default=None, ge=1, le=90)
    pool_cooldown_days: int | None = Field(default=None, ge=0, le=365)
    pool_max_pending: int | None = Field(default=None, ge=1, le=100)
    stage_probabilities: dict[ProjectStage, Annotated[float, Field(ge=0, le=1)]] | None = None
