"""Email texts in Chinese and English; the recipient's language chooses."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    subject: tuple[str, str]  # zh, en
    body: tuple[str, str]


TEMPLATES: dict[str, Template] = {
    "set_password_link": Template(
        ("渠道通：请设置您的密码", "ChannelDesk: set your password"),
        (
            "{name}，您好：\n\n您的渠道通账户“{username}”已开通。"
            "请在 {expires} 前打开以下链接设置密码：\n{link}\n",
            "Hello {name},\n\nYour ChannelDesk account “{username}” is ready. "
            "Open this link before {expires} to choose your password:\n{link}\n",
        ),
    ),
    "registration_decided": Template(
        ("渠道通：客户报备{decision_zh}", "ChannelDesk: registration {decision_en}"),
        (
            "{name}，您好：\n\n您对“{customer}”的报备申请{decision_zh}。{reason_zh}\n",
            "Hello {name},\n\nYour registration of “{customer}” was {decision_en}. {reason_en}\n",
        ),
    ),
    "extension_decided": Template(
        ("渠道通：延期申请{decision_zh}", "ChannelDesk: extension {decision_en}"),
        (
            "{name}，您好：\n\n“{customer}”的延期申请{decision_zh}。{reason_zh}\n",
            "Hello {name},\n\nThe extension for “{customer}” was {decision_en}. {reason_en}\n",
        ),
    ),
    "new_comment": Template(
        ("渠道通：您的跟进报告有新点评", "ChannelDesk: a new comment on your report"),
        (
            "{name}，您好：\n\n原厂对“{customer}” {date} 的跟进报告写了点评：\n\n{comment}\n",
            "Hello {name},\n\nThe manufacturer commented on your {date} report "
            "on “{customer}”:\n\n{comment}\n",
        ),
    ),
    "protection_ending": Template(
        (
            "渠道通：客户“{customer}”的保护期 {days} 天后到期",
            "ChannelDesk: protection of “{customer}” ends in {days} days",
        ),
        (
            "{name}，您好：\n\n您的客户“{customer}”的保护期将于 {date}（{days} 天后）到期。"
            "如需继续保护，请及时提交延期申请。\n",
            "Hello {name},\n\nThe protection of your customer “{customer}” ends on {date} "
            "(in {days} days). To keep the customer, apply for an extension in time.\n",
        ),
    ),
    "followup_overdue": Template(
        (
            "渠道通：客户“{customer}”的跟进报告已逾期",
            "ChannelDesk: follow-up on “{customer}” is overdue",
        ),
        (
            "{name}，您好：\n\n客户“{customer}”已超过 {interval} 天没有跟进报告"
            "（自 {since} 起）。请尽快提交跟进报告。\n",
            "Hello {name},\n\nThere has been no follow-up report on “{customer}” for more than "
            "{interval} days (since {since}). Please write one soon.\n",
        ),
    ),
    "registration_submitted": Template(
        (
            "渠道通：新的客户报备“{customer}”待审批",
            "ChannelDesk: new registration of “{customer}” to decide",
        ),
        (
            "{name}，您好：\n\n{agent}（{applicant}）提交了{source_zh}“{customer}”的报备申请，"
            "请在“申请处理”中审批。\n",
            "Hello {name},\n\n{agent} ({applicant}) applied to register {source_en} "
            "“{customer}”. Please decide it under Applications.\n",
        ),
    ),
    "extension_submitted": Template(
        (
            "渠道通：“{customer}”的延期申请待审批",
            "ChannelDesk: extension for “{customer}” to decide",
        ),
        (
            "{name}，您好：\n\n{agent}（{applicant}）申请延长“{customer}”的保护期{until_zh}"
            "（现到期日 {current}）。理由：{reason}\n请在“申请处理”中审批。\n",
            "Hello {name},\n\n{agent} ({applicant}) asks to extend the protection of "
            "“{customer}”{until_en} (now ending {current}). Reason: {reason}\n"
            "Please decide it under Applications.\n",
        ),
    ),
    "customer_released": Template(
        (
            "渠道通：客户“{customer}”已释放到资源池",
            "ChannelDesk: “{customer}” was released to the pool",
        ),
        (
            "{name}，您好：\n\n贵司的客户“{customer}”已{cause_zh}，释放到资源池。{reason_zh}\n",
            "Hello {name},\n\nYour customer “{customer}” went to the resource pool: "
            "{cause_en}. {reason_en}\n",
        ),
    ),
    "customer_taken": Template(
        (
            "渠道通：原客户“{customer}”已被其他代理商获得",
            "ChannelDesk: your former customer “{customer}” was taken",
        ),
        (
            "{name}，您好：\n\n贵司曾保护的客户“{customer}”已由其他代理商从资源池申请并获批准，"
            "不再在资源池中。\n",
            "Hello {name},\n\nYour former customer “{customer}” was applied for from the "
            "resource pool by another agent and approved; it is no longer in the pool.\n",
        ),
    ),
    "review_due": Template(
        (
            "渠道通：量产客户“{customer}”需在 {date} 前复核",
            "ChannelDesk: mass-production customer “{customer}” is due for review by {date}",
        ),
        (
            "{name}，您好：\n\n量产客户“{customer}”（{agent}）的定期复核日期为 {date}。"
            "请在工作台中选择继续保护或释放到资源池。\n",
            "Hello {name},\n\nThe periodic review of the mass-production customer “{customer}” "
            "({agent}) falls on {date}. Keep it with the agent or release it to the pool from "
            "the desk.\n",
        ),
    ),
    "question_reply": Template(
        (
            "渠道通：“{customer}”的问题有新回复",
            "ChannelDesk: a new reply on a question about “{customer}”",
        ),
        (
            "{name}，您好：\n\n{author} 在“{customer}” {date} 的跟进报告中"
            "回复了问题“{question}”：\n\n{comment}\n",
            "Hello {name},\n\n{author} replied on the question “{question}” in the {date} "
            "report on “{customer}”:\n\n{comment}\n",
        ),
    ),
    "question_unanswered": Template(
        (
            "渠道通：“{customer}”的问题已等待 {days} 天",
            "ChannelDesk: a question about “{customer}” has waited {days} days",
        ),
        (
            "{name}，您好：\n\n{agent} 就客户“{customer}”的项目“{project}”提出的问题已等待原厂解答 "
            "{days} 天：\n\n{question}\n\n请在工作台的“待解答问题”中回复。\n",
            "Hello {name},\n\n{agent} asked about the project “{project}” of “{customer}” "
            "{days} days ago and is waiting for the manufacturer's answer:\n\n{question}\n\n"
            "Answer it under Open questions on the desk.\n",
        ),
    ),
}


def render(kind: str, language: str, **params: object) -> tuple[str, str]:
    template = TEMPLATES[kind]
    index = 1 if language == "en" else 0
    return template.subject[index].format(**params), template.body[index].format(**params)
