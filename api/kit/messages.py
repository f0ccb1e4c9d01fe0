"""The message catalogue: every error a person can see, in Chinese and English."""

from starlette.requests import Request

MESSAGES: dict[str, tuple[str, str]] = {
    "invalid_credentials": ("用户名或密码错误。", "Wrong username or password."),
    "login_throttled": (
        "密码错误次数过多，请 {seconds} 秒后再试。",
        "Too many wrong passwords. Try again in {seconds} seconds.",
    ),
    "temporary_password_expired": (
        "一次性密码已过期，请联系管理员重新设置密码。",
        "This one-time password has expired. Ask your administrator to reset your password.",
    ),
    "account_disabled": (
        "该账户已停用，请联系管理员。",
        "This account is deactivated. Please contact your administrator.",
    ),
    "not_authenticated": ("请先登录。", "Please sign in."),
    "token_invalid": ("登录已失效，请重新登录。", "Your session is invalid. Please sign in again."),
    "password_change_required": (
        "请先修改初始密码。",
        "You must change your one-time password first.",
    ),
    "refresh_invalid": (
        "登录已过期，请重新登录。",
        "Your session has expired. Please sign in again.",
    ),
    "password_too_short": (
        "密码至少需要 {min} 个字符。",
        "The password must have at least {min} characters.",
    ),
    "password_too_long": (
        "密码不能超过 {max} 个字符。",
        "The password must have at most {max} characters.",
    ),
    "password_common": (
        "这个密码太常见，很容易被猜到，请换一个。",
        "This password is too common and easy to guess. Please choose another.",
    ),
    "password_repeated": (
        "密码不能是同一个词的重复（加上数字也不行），请换一个。",
        "The password must not be one word repeated, with or without digits. "
        "Please choose another.",
    ),
    "password_contains_name": (
        "密码不能是登录名、姓名或邮箱名再加几个字符，请换一个。",
        "The password must not be your login name, name or email name with a few characters "
        "added. Please choose another.",
    ),
    "password_demo": (
        "这是公开的演示密码，不能使用，请换一个。",
        "This is the public demo password and cannot be used. Please choose another.",
    ),
    "password_reused": (
        "新密码不能与当前密码相同。",
        "The new password must differ from the current one.",
    ),
    "current_password_wrong": ("当前密码不正确。", "The current password is wrong."),
    "set_password_link_invalid": (
        "该设置密码链接无效、已使用或已过期，请联系管理员重新发送。",
        "This set-password link is invalid, used or expired. Ask your administrator for a new one.",
    ),
    "permission_denied": ("您没有权限执行此操作。", "You are not allowed to do this."),
    "not_found": ("{object}不存在。", "{object} not found."),
    "role_not_assignable": (
        "您不能创建或设置此类账户。",
        "You cannot create or assign this account type.",
    ),
    "agent_required": (
        "代理商账户必须属于一个代理商。",
        "An agent account must belong to an agent.",
    ),
    "agent_not_allowed": (
        "原厂账户不能属于代理商。",
        "A vendor account cannot belong to an agent.",
    ),
    "agent_inactive": ("该代理商已停用。", "This agent is deactivated."),
    "username_taken": (
        "登录名“{username}”已被使用。",
        "The login name “{username}” is already taken.",
    ),
    "email_taken": ("邮箱“{email}”已被使用。", "The email “{email}” is already in use."),
    "agent_name_taken": ("代理商“{name}”已存在。", "The agent “{name}” already exists."),
    "cannot_deactivate_self": ("不能停用自己的账户。", "You cannot deactivate your own account."),
    "cannot_reset_own_password": (
        "不能在人员管理中重置自己的密码，请在“我的资料”中使用“修改密码”。",
        "You cannot reset your own password here. Use Change password (修改密码) in My profile.",
    ),
    "validation_error": ("输入有误：{fields}", "Invalid input: {fields}"),
    "body_unreadable": (
        "请求内容无法解析（不是有效的 UTF-8 编码的 JSON），未被处理。",
        "The request body could not be read (not valid UTF-8 JSON) and was not processed.",
    ),
    "body_too_large": (
        "请求内容超过 {max_kb} KB，未被处理。",
        "The request body is larger than {max_kb} KB and was not processed.",
    ),
    "conflict": (
        "数据已被修改或存在冲突，请刷新后重试。",
        "The data changed or conflicts. Refresh and try again.",
    ),
    "database_unavailable": (
        "数据库暂时无法连接，请稍后重试（请求号 {request_id}）。",
        "The database cannot be reached right now. Please try again shortly "
        "(request {request_id}).",
    ),
    "internal_error": (
        "服务器内部错误，请稍后重试（请求号 {request_id}）。",
        "Internal server error. Please try again later (request {request_id}).",
    ),
    "unknown_region": (
        "地区“{province} {city}”不在行政区划列表中，请从列表选择到市。",
        "“{province} {city}” is not in the division list: choose province and city from the list.",
    ),
    "unknown_product_domain": ("请选择有效的产品领域。", "Choose a valid product domain."),
    "credit_code_invalid": (
        "统一社会信用代码“{value}”无效（应为 18 位且校验位正确）。",
        "The unified social credit code “{value}” is invalid (18 characters, valid check digit).",
    ),
    "not_agent_member": (
        "所选人员必须是本代理商在职的{role}。",
        "The person must be an active {role} of this agent.",
    ),
    "reassign_target_not_sales": (
        "接收客户的人员必须是本代理商的业务员（{user} 不是）。",
        "Customers can only go to salespeople of your agent ({user} is not one).",
    ),
    "reassign_target_inactive": (
        "{user} 的账户已停用，不能接收客户。",
        "{user}'s account is deactivated: they cannot take customers.",
    ),
    "reassign_source_unknown": (
        "要转出客户的人员不是本代理商的人员。",
        "The person whose customers you hand over is not one of your agent's people.",
    ),
    "reassign_source_is_target": (
        "转出客户的人员不能同时接收客户。",
        "The person whose customers you hand over cannot also receive them.",
    ),
    "reassign_customers_unknown": (
        "{count} 位所选客户不存在或不属于贵司，未做任何转移。",
        "{count} of the chosen customers do not exist or are not your agent's: nothing was moved.",
    ),
    "reassign_nothing": (
        "没有可转移的客户（可能刚被转移或释放）。",
        "There are no customers to hand over (they may have just been moved or released).",
    ),
    "registration_blocked": (
        "该客户已被报备（或在资源池中），不能重复报备。",
        "This customer is already registered (or in the pool) and cannot be registered again.",
    ),
    "customer_not_protected": ("该客户不在保护期内。", "This customer is not protected."),
    "check_rate_limited": (
        "名称查重过于频繁：每小时最多 {limit} 次，请在 {minutes} 分钟后再试。",
        "Too many name checks: at most {limit} an hour; try again in {minutes} minutes.",
    ),
    "alias_taken": (
        "该名称已是其他客户的名称，不能作为此客户的别名。",
        "That name is already another customer's; it cannot be an alias of this one.",
    ),
    "alias_exists": ("该客户已有这个名称。", "The customer already goes by that name."),
    "name_taken": (
        "新名称已被其他客户使用，不能改名。",
        "The new name is already another customer's; the name was not changed.",
    ),
    "name_unchanged": (
        "新名称与现有名称相同（规范化后）。",
        "The new name is the same as the current one (once normalised).",
    ),
    "group_circle": (
        "不能把客户挂到它自己或它的下属客户名下。",
        "A customer cannot be put under itself or under one of its own branches.",
    ),
    "company_name_invisible": (
        "公司名称含有不可见字符（零宽字符、填充符或方向控制符），请删除后重新输入。",
        "The company name contains invisible characters (zero-width, fillers or direction "
        "marks); remove them and type it again.",
    ),
    "company_name_symbols": (
        "公司名称应主要由文字组成，不能大部分是符号。",
        "A company name must be mostly letters or characters, not symbols.",
    ),
    "customer_state_conflict": (
        "该客户的状态刚刚变化，不能执行此操作，请刷新后重试。",
        "This customer's state has just changed and no longer allows this; reload and retry.",
    ),
    "customer_not_in_review": (
        "该客户不是量产复核客户。",
        "This customer is not under periodic review.",
    ),
    "pool_cooldown": (
        "贵司释放的客户需等待至 {date} 后才能再次申请。",
        "Your agent released this customer: you may apply again after {date}.",
    ),
    "pool_limit": (
        "贵司待审批的资源池申请已达上限（{limit} 个）。",
        "Your agent already has the maximum of {limit} pending pool applications.",
    ),
    "pool_taken": (
        "该客户刚被其他代理商申请。",
        "Another agent has just applied for this customer.",
    ),
    "application_not_pending": (
        "该申请已处理，不能再更改。",
        "This application was already decided.",
    ),
    "extension_not_applicable": (
        "只有处于保护期内的客户才能申请延期。",
        "Only a customer under a protection period can be extended.",
    ),
    "extension_too_late": (
        "保护期已结束，不能再申请延期。",
        "The protection period has ended: it is too late to apply for an extension.",
    ),
    "extension_open": (
        "该客户已有待审批的延期申请。",
        "This customer already has an extension application awaiting a decision.",
    ),
    "extension_date_too_early": (
        "新的保护截止日期必须晚于当前截止日 {date} 和今天。",
        "The new end date must be later than the current one ({date}) and today.",
    ),
    "report_needs_protected_customer": (
        "只有审批通过、处于保护期的客户才能填写跟进报告。",
        "Follow-up reports are for approved, protected customers only.",
    ),
    "report_date_in_future": ("报告日期不能晚于今天。", "The report date cannot be in the future."),
    "project_not_of_customer": (
        "所选项目不属于该客户。",
        "The project does not belong to this customer.",
    ),
    "project_name_taken": (
        "该客户已有名为“{name}”的项目。",
        "The customer already has a project “{name}”.",
    ),
    "project_twice_in_report": (
        "项目“{name}”在同一份报告中出现了两次。",
        "The project “{name}” appears twice in the report.",
    ),
    "unknown_mcu_model": ("请选择有效的MCU型号。", "Choose a valid MCU model."),
    "fae_cannot_edit_news": (
        "FAE 只能填写项目内容，客户动态由业务员填写。",
        "An FAE writes project entries only; the customer news is the salesperson's.",
    ),
    "report_edited_meanwhile": (
        "此报告在您编辑期间已被他人修改（现为第 {version} 版），请刷新后再修改。",
        "Someone changed this report while you were editing (now version {version}). "
        "Reload it and edit again.",
    ),
    "entries_cannot_be_removed": (
        "修改报告时不能删除已有的项目条目。",
        "Editing a report cannot remove its project entries.",
    ),
    "entry_not_of_report": ("该条目不属于这份报告。", "The entry does not belong to this report."),
    "token_scope": (
        "该API令牌无权访问此接口。",
        "This API token is not allowed to use this endpoint.",
    ),
    "api_token_revoked": ("该令牌已被吊销。", "This token is already revoked."),
    "customer_without_projects": (
        "该客户还没有项目，请联系业务员{contact}先在跟进报告中填写项目。",
        "This customer has no projects yet: ask the salesperson {contact} to add them in a report.",
    ),
    "project_without_model": (
        "项目“{project}”还没有填写MCU型号，请联系业务员{contact}在跟进报告中补充。",
        "Project “{project}” has no MCU model yet: ask the salesperson {contact} to fill it in.",
    ),
    "order_needs_protected_customer": (
        "只能为本代理商保护期内的客户录入销售记录。",
        "Sales records are for customers your agent protects.",
    ),
    "contract_date_in_future": (
        "销售日期（合同日期）不能晚于今天。",
        "The contract date cannot be in the future.",
    ),
    "order_number_taken": (
        "订单号“{number}”已存在。",
        "The order number “{number}” is already used.",
    ),
    "export_cut": (
        "已截断：仅导出前 {rows} 行，请缩小筛选范围后导出其余部分。",
        "Cut at {rows} rows: narrow the filters to export the rest.",
    ),
    "date_range_invalid": (
        "开始日期不能晚于结束日期。",
        "The start date must not be after the end date.",
    ),
    "month_in_future": (
        "所选月份不能晚于本月。",
        "The month must not be after the current month.",
    ),
    "import_not_xlsx": (
        "文件不是有效的 Excel（.xlsx）文件，请使用导入模板。",
        "The file is not a valid Excel (.xlsx) file. Please use the import template.",
    ),
    "import_missing_columns": (
        "缺少必填列：{columns}。请使用导入模板的表头。",
        "Required columns are missing: {columns}. Please keep the template's header row.",
    ),
    "import_empty": ("文件中没有数据行。", "The file has no data rows."),
    "import_too_many_rows": (
        "一次最多导入 {max} 行，请拆分文件。",
        "At most {max} rows can be imported at once. Please split the file.",
    ),
    "import_xlsx_damaged": (
        "文件已损坏或含有不允许的 XML（如实体声明、外部引用），未读取。请用 Excel 重新保存后上传。",
        "The file is damaged or contains XML that is not allowed (entity declarations, external "
        "references); it was not read. Save it again in Excel and upload it.",
    ),
    "import_unpacked_too_large": (
        "文件解压后超过 {max_mb} MB 或压缩比异常，未读取，请拆分文件。",
        "Unpacked, the file would exceed {max_mb} MB or is compressed suspiciously well; it was "
        "not read. Please split the file.",
    ),
    "import_too_many_strings": (
        "文件中的不同文本超过 {max} 个，请拆分文件。",
        "The file has more than {max} distinct texts. Please split the file.",
    ),
    "import_not_committable": (
        "该导入当前状态（{status}）不能提交。",
        "This import cannot be committed in its current state ({status}).",
    ),
    "announcement_agent_required": (
        "发给单个代理商的公告须选择一个代理商。",
        "An announcement for one agent needs that agent.",
    ),
    "announcement_agent_unexpected": (
        "只有发给单个代理商的公告才能指定代理商。",
        "Only an announcement for one agent names an agent.",
    ),
    "announcement_expiry_before_publish": (
        "公告的过期时间须晚于发布时间。",
        "The expiry time must be after the publish time.",
    ),
    "announcement_withdrawn": (
        "该公告已撤回，不能再修改。",
        "This announcement has been withdrawn and cannot be changed.",
    ),
    "announcement_not_addressed": (
        "该公告不是发给您的。",
        "This announcement is not addressed to you.",
    ),
    "announcement_not_active": (
        "该公告当前未在发布期内。",
        "This announcement is not currently published.",
    ),
    # catalogs: product domains and MCU models
    "domain_name_taken": (
        "产品领域“{name}”已存在。",
        "The product domain “{name}” already exists.",
    ),
    "domain_parent_not_top_level": (
        "上级只能是一级产品领域（且不能是自己）。",
        "The parent must be a level-1 domain (and not the domain itself).",
    ),
    "domain_parent_inactive": ("上级产品领域已停用。", "The level-1 domain is deactivated."),
    "domain_has_children": (
        "该产品领域下还有二级领域，不能成为二级领域。",
        "This domain has level-2 domains, so it cannot become a level-2 domain.",
    ),
    "domain_has_active_children": (
        "请先停用其下的二级产品领域。",
        "Deactivate its level-2 domains first.",
    ),
    "domain_other_is_fixed": (
        "“其它”是兜底领域，不能停用或合并。",
        "“Other” is the fallback domain; it cannot be deactivated or merged.",
    ),
    "domain_merge_into_itself": (
        "不能把产品领域合并到它自己。",
        "A domain cannot be merged into itself.",
    ),
    "domain_merge_target_inactive": (
        "合并目标领域已停用。",
        "The domain to merge into is deactivated.",
    ),
    "mcu_model_eol": (
        "MCU型号 {part_number} 已停产（EOL），新项目条目不能选择。",
        "The MCU model {part_number} is end-of-life (EOL) and cannot be chosen for new entries.",
    ),
    "mcu_part_number_taken": (
        "MCU型号 {part_number} 已存在。",
        "The MCU model {part_number} already exists.",
    ),
    "mcu_model_in_use": (
        "该型号已被 {count} 条记录使用，不能删除；请改为停产（EOL）。",
        "{count} records use this model, so it cannot be removed; set it end-of-life (EOL).",
    ),
    "mcu_import_unreadable": (
        "无法读取文件：请上传不超过 2 MB 的 .csv 或 .xlsx 文件。",
        "The file cannot be read: upload a .csv or .xlsx file of at most 2 MB.",
    ),
    "mcu_import_no_rows": ("文件中没有数据行。", "The file has no data rows."),
    "mcu_import_missing_columns": (
        "缺少列：{columns}。",
        "Missing column: {columns}.",
    ),
    "mcu_import_too_many_rows": (
        "一次最多导入 {max} 行。",
        "At most {max} rows can be imported at once.",
    ),
    "mcu_import_has_errors": (
        "有错误的行，未导入任何数据；请先修正。",
        "Some rows have errors, so nothing was imported; correct them first.",
    ),
    "mcu_import_missing_part_number": ("缺少型号。", "The part number is missing."),
    "mcu_import_invalid_status": (
        "状态无效（应为 active、nrnd 或 eol）。",
        "Invalid status (use active, nrnd or eol).",
    ),
    "mcu_import_duplicate_in_file": (
        "该型号在文件中出现多次。",
        "This part number appears more than once in the file.",
    ),
    "mcu_import_missing_series": ("新型号缺少系列。", "A new model needs a series."),
    "mcu_import_value_too_long": ("内容超过 40 个字符。", "A value is longer than 40 characters."),
    "http_error": ("{detail}", "{detail}"),
}

OBJECT_NAMES: dict[str, tuple[str, str]] = {
    "user": ("用户", "User"),
    "agent": ("代理商", "Agent"),
    "customer": ("客户", "Customer"),
    "registration": ("报备申请", "Registration"),
    "extension": ("延期申请", "Extension application"),
    "report": ("跟进报告", "Report"),
    "project": ("项目", "Project"),
    "api_token": ("API令牌", "API token"),
    "order": ("销售记录", "Sales record"),
    "import": ("导入", "Import"),
    "announcement": ("公告", "Announcement"),
    "product_domain": ("产品领域", "Product domain"),
    "mcu_model": ("MCU型号", "MCU model"),
    "alias": ("客户别名", "Customer alias"),
    "group_link": ("集团关系", "Group link"),
    "resource": ("资源", "Resource"),
}


def language(request: Request | None) -> str:
    """'en' when the caller prefers English, else 'zh' (the product's default)."""
    if request is None:
        return "zh"
    chosen = request.headers.get("x-language") or request.headers.get("accept-language", "")
    return "en" if chosen.strip().lower().startswith("en") else "zh"


def translate(code: str, lang: str, **params: object) -> str:
    zh, en = MESSAGES.get(code, MESSAGES["http_error"])
    if "object" in params:
        names = OBJECT_NAMES.get(str(params["object"]), OBJECT_NAMES["resource"])
        params = {**params, "object": names[1 if lang == "en" else 0]}
    return (en if lang == "en" else zh).format(**params)
