"""The forecast (需求预测) as a file: a row per month, model, agent, domain and stage."""

from api.exporting import Column, Sheet
from api.forecast.schemas import ForecastRow
from api.projects.stages import ProjectStage

FORECAST: Sheet[ForecastRow] = Sheet(
    "forecast",
    [
        Column("月份", "Month", lambda r: r.month),
        Column("MCU型号", "MCU model", lambda r: r.mcu_model),
        Column("代理商", "Agent", lambda r: r.agent),
        Column("产品领域", "Product domain", lambda r: r.product_domain),
        Column("阶段", "Stage", lambda r: ProjectStage(r.stage)),
        Column("预期数量", "Expected units", lambda r: r.quantity),
    ],
)
