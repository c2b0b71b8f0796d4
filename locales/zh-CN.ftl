# 民意直通车 · 简体中文（主语言）
# 每个功能一节（## 功能名），键名用短横线连接。en.ftl 必须有完全相同的键。

## Common
error-generic = 抱歉，处理时出了点问题。您已经提交的内容不会丢失，请稍后再试。

## Language
language-choose = 请选择语言 / Choose your language:
language-changed = 已切换为简体中文。

## Unhandled
unhandled-stale-button = 这个按钮已经失效了，请重新开始操作。
unhandled-unsupported-message = 暂时无法处理贴纸、语音、视频等消息。请用文字描述您的意见，可以附照片和位置。
unhandled-unknown = 没有听懂这条消息。发送 /new 提交意见，/my 查看进度，/help 查看全部功能。

## Errors
error-forbidden = 您没有权限进行这个操作，什么也没有改变。
error-invalid-transition = 这件意见目前{ $stage ->
    [COLLECTED] 待受理
    [ANALYZING] 正在分析研判
    [HANDLING] 正在办理
    [FEEDBACK] 等待评价
    [CLOSED] 已办结
   *[other] 所处的阶段
}，不能进行这个操作，什么也没有改变。
error-conflict = 别人刚刚处理了这件意见，您的操作没有执行。请查看最新情况后再操作。
error-not-found = 没有找到要找的内容，可能已被删除或撤销。
error-validation = 输入的内容不符合要求，请检查后重试。
error-not-implemented = 这个功能还没有开放。

## Invitations
invitation-unknown = 这个邀请码不存在，请核对后重试，或向管理员索取新的邀请。
invitation-revoked = 这个邀请已被撤销，请向管理员索取新的邀请。
invitation-used = 这个邀请已经被使用过了，每个邀请只能用一次。请向管理员索取新的邀请。
invitation-expired = 这个邀请已经过期，请向管理员索取新的邀请。
invitation-already-held = 您已经担任这个职务，无需再次接受邀请。
invitation-bootstrap-unknown-region = 没有代码为 { $code } 的区。
invitation-bootstrap-choose-region = { $count ->
    [0] 数据库里还没有区，请先导入行政区划（npm run seed 可导入演示区）。
   *[other] 数据库里有 { $count } 个区，请用 --region 指定区的代码。
}
invitation-join-usage = 请在命令后附上邀请码，例如：/join abcd23efgh
invitation-accepted = 欢迎！您已成为{ $scope }的{ $role }。
invitation-accepted-notice = { $name } 已接受您的邀请（{ $code }），成为{ $scopeZh }的{ $role ->
    [LIAISON_OFFICER] 民情联络员
    [REPRESENTATIVE] 人大代表
    [AGENCY_HANDLER] 承办单位经办人
    [STREET_ADMIN] 街道（镇）管理员
   *[DISTRICT_ADMIN] 区人大管理员
}。
invitation-next-liaison-officer = 新的群众意见会发到这里。发送 /inbox 查看待办事项。
invitation-next-representative = 您站点转化为代表建议或监督议题的意见会在这里办理。
invitation-next-agency-handler = 交办给本单位的意见会发到这里。发送 /cases 查看在办案件。
invitation-next-street-admin = 发送 /invite 邀请工作人员，/staff 管理工作人员。
invitation-next-district-admin = 发送 /invite 邀请工作人员，/staff 管理工作人员。
invitation-choose-role = 要邀请哪种职务？
invitation-no-scopes = 您的管辖范围内没有可以分配给{ $role }的对象。
invitation-choose-scope = 请选择{ $role }负责的范围：
invitation-page-previous = ‹ 上一页
invitation-page-next = 下一页 ›
invitation-created =
    已生成{ $scope }{ $role }的邀请，{ $hours } 小时内有效，只能使用一次。
    请把链接发给对方：
    { $link }
    或让对方向机器人发送：/join { $code }

## Staff admin
staff-role-liaison-officer = 民情联络员
staff-role-representative = 人大代表
staff-role-agency-handler = 承办单位经办人
staff-role-street-admin = 街道（镇）管理员
staff-role-district-admin = 区人大管理员
staff-list-header = 管辖范围内的工作人员共 { $count } 人（第 { $page }/{ $pages } 页）：
staff-line = { $name } · { $role } · { $scope }
staff-revoke-button = 撤销第 { $number } 项
staff-revoke-question = 确定撤销这项职务吗？撤销后立即失效。
    { $line }
staff-revoke-confirm = 确认撤销
staff-revoke-cancel = 取消
staff-revoked = 已撤销，该职务立即失效。
staff-revoke-self = 不能撤销您自己的职务，请联系上级管理员。
staff-already-revoked = 这项职务已经撤销过了。
invitation-revoke-button = 撤销此邀请
invitation-revoked-done = 邀请已撤销，链接和邀请码都已失效。
invitation-not-open = 这个邀请已被使用、撤销或已过期，无需撤销。
staff-invitations-button = 待接受的邀请（{ $count }）
staff-invitations-header = 尚未接受的邀请共 { $count } 个（最新的在前）：
staff-invitations-none = 没有待接受的邀请。
staff-invitation-line = { $role } · { $scope } · 有效至 { $expires }
staff-invitations-back = ‹ 返回工作人员列表

## Notifications
notify-resident-acknowledged = 您的意见 { $trackingNo } 已由{ $stationZh }受理，联络员正在分析研判。
notify-resident-answered = 您的意见 { $trackingNo } 已获现场答复：
    { $text }
    请对答复进行评价。
notify-resident-referred = 您的意见 { $trackingNo } 已转交{ $agencyZh }办理，办理期限至 { $dueAt }。
notify-resident-escalated = 您的意见 { $trackingNo } 已转化为{ $to ->
    [PROPOSAL] 人大代表建议
   *[SUPERVISION] 人大监督议题
}，办理结果会及时告知您。
notify-resident-declined = 您的意见 { $trackingNo } 不予受理，已办结。原因：{ $reason }
notify-resident-merged = 您的意见 { $trackingNo } 与意见 { $mainTrackingNo } 反映的是同一问题，已合并办理。今后您会收到 { $mainTrackingNo } 的办理进展。
notify-resident-handed-back = 您的意见 { $trackingNo } 正在重新确定承办单位，联络员会尽快安排。
notify-resident-result = 您的意见 { $trackingNo } 办理结果如下：
    { $text }
    请对办理结果进行评价。
notify-resident-reopened = 您对意见 { $trackingNo } 的办理结果不满意，已进入第 { $round } 轮办理，结果会再次告知您。
notify-resident-closed = 您的意见 { $trackingNo } 已办结{ $reason ->
    [NOT_EVALUATED] （评价期限已过，未评价）
   *[EVALUATED] ，感谢您的评价
}。
notify-resident-evaluation-reminder = 您的意见 { $trackingNo } 已有办理结果，请在 { $dueAt } 前进行评价。
notify-resident-progress = 您的意见 { $trackingNo } 办理进展已更新：
    { $text }
notify-resident-late = 很抱歉，您的意见 { $trackingNo } 超过了办理期限。我们已督促相关人员尽快办理，预计在 { $expectedAt } 前给您答复。
notify-follower-update = 您关注的意见 { $trackingNo }（您的意见 { $ownTrackingNo } 已并入此案）有新进展：{ $event ->
    [acknowledged] 已受理，正在分析研判。
    [answered] 已获现场答复：{ $text }
    [referred] 已转交{ $agencyZh }办理，期限至 { $dueAt }。
    [escalated] 已转化为{ $to ->
        [PROPOSAL] 人大代表建议
       *[SUPERVISION] 人大监督议题
    }。
    [declined] 不予受理，已办结。原因：{ $reason }
    [merged] 已并入意见 { $mainTrackingNo }，今后请关注该案。
    [handed-back] 正在重新确定承办单位。
    [result] 办理结果：{ $text }
    [reopened] 已进入第 { $round } 轮办理。
    [closed] 已办结。
    [progress] 办理进展：{ $text }
    [late] 已超过办理期限，预计 { $expectedAt } 前答复。
   *[other] 状态已更新。
}
notify-agency-referred = 新交办意见 { $trackingNo }（{ $stationZh }，{ $categoryZh }），请于 { $dueAt } 前办结。
    { $text }
    联络员附言：{ $note }
notify-agency-clarified = 联络员对意见 { $trackingNo } 的补充说明：
    { $text }
notify-agency-reopened = 意见 { $trackingNo } 的群众对办理结果不满意，已退回重新办理，期限至 { $dueAt }。群众评价：不满意。{ $reasonGiven ->
    [yes] 原因：{ $comment }
   *[no] 群众没有说明原因。
}
notify-officer-handed-back = { $agencyZh }退回了意见 { $trackingNo }（非本单位职责），请重新处理。原因：{ $reason }
notify-officer-clarification-requested = { $agencyZh }就意见 { $trackingNo } 请求补充说明：
    { $text }
notify-officer-result-submitted = 意见 { $trackingNo } 已提交办理结果，请审核后告知群众：
    { $text }
notify-officer-reopened = 群众对意见 { $trackingNo } 的办理结果不满意，已进入第二轮办理。群众评价：不满意。{ $reasonGiven ->
    [yes] 原因：{ $comment }
   *[no] 群众没有说明原因。
}
notify-staff-deadline-reminder = 提醒：意见 { $trackingNo } 的{ $deadline ->
    [ACKNOWLEDGE] 受理
    [ANALYZE] 分析研判
    [HANDLE] 办理
   *[EVALUATE] 评价
}期限已过半，截止时间为 { $dueAt }，请及时处理。
notify-staff-deadline-overdue = 超期提醒：意见 { $trackingNo } 的{ $deadline ->
    [ACKNOWLEDGE] 受理
    [ANALYZE] 分析研判
    [HANDLE] 办理
   *[EVALUATE] 评价
}{ $lateDays ->
    [0] 今天已到期
   *[other] 已超期 { $lateDays } 个工作日
}（期限 { $dueAt }），请立即处理。街道已收到督办通知。
notify-admin-overdue = 超期督办：{ $stationZh }的意见 { $trackingNo } { $deadline ->
    [ACKNOWLEDGE] 受理
    [ANALYZE] 分析研判
    [HANDLE] 办理
   *[EVALUATE] 评价
}{ $lateDays ->
    [0] 今天已到期
   *[other] 已超期 { $lateDays } 个工作日
}（期限 { $dueAt }）。可以催办或改派。
notify-staff-chased = 催办：请尽快处理{ $stationZh }的意见 { $trackingNo }（{ $deadline ->
    [ACKNOWLEDGE] 受理
    [ANALYZE] 分析研判
    [HANDLE] 办理
   *[EVALUATE] 评价
}期限 { $dueAt }）。
notify-officer-reassigned = 改派：{ $stationZh }的意见 { $trackingNo } 已改派给您，请尽快处理。

## Workflow errors
error-workflow-opinion-not-found = 没有找到这件意见，请核对编号。
error-workflow-text-required = 内容不能为空，请输入文字。
error-workflow-text-too-long = 内容太长了，请控制在 { $max } 字以内。
error-workflow-classify-empty = 请选择新的类别或优先级。
error-workflow-category-unknown = 这个类别不存在或已停用。
error-workflow-agency-unknown = 这个承办单位不存在或已停用。
error-workflow-due-in-past = 办理期限必须晚于现在。
error-workflow-merge-target = 只能合并到同一区内另一件尚未办结、也未被合并的意见。
error-workflow-deadline-unknown = 这件意见没有这个期限。
error-workflow-reassign-officer = 只能改派给本站点的另一位联络员。
error-workflow-reassign-not-referred = 这件意见没有在承办单位办理，不能改派单位。

## Start
start-welcome =
    您好！这里是“民意直通车”：您可以把身边的问题、意见和建议直接发给所在社区的代表之家、代表活动站和民情联络点，并随时查看办理进度。
    请先选择语言：
start-welcome-back = 欢迎回来！发送 /new 提交意见，/my 查看办理进度，/stations 查找站点，/help 查看全部功能。
start-welcome-staff = 您好，{ $name }！这里是“民意直通车”工作台。您可以使用：

## Privacy
privacy-notice =
    🔒 隐私说明
    
    保存什么：您的 Telegram 账号 ID、名字和语言，以及您提交的意见（文字、照片、位置，和您自愿提供的手机号）。
    为什么保存：把您的意见交给站点的民情联络员办理，并把进展和结果告诉您。
    保存多久：您最后一件意见办结（且没有未办结的意见）后 { $months } 个月，到期后自动删除您的个人信息，意见本身匿名保留用于统计。
    谁能看到：您选择的站点的民情联络员；承办单位只有在您同意时才能看到您的联系方式。
    您的权利：发送 /mydata 导出您的全部数据，发送 /forget 删除您的个人信息。
    
    在您同意之前，我们不会保存任何个人信息。
privacy-consent-yes = ✅ 同意并继续
privacy-consent-no = 不同意
privacy-consent-declined = 好的，我们没有保存您的任何信息。您仍可以用 /stations 查找站点；想提交意见时，请发送 /start 重新查看并同意隐私说明。
privacy-consent-given = ✅ 谢谢！您已同意隐私说明。
privacy-next-steps =
    接下来您可以：
    /new 提交意见或建议
    /stations 查找离您最近的站点
    /my 查看办理进度
    /help 查看全部功能
privacy-no-data = 我们没有保存您的任何个人信息。
privacy-mydata-caption = 这是我们保存的您的全部数据（JSON 格式）。
privacy-forget-ask = 确定要删除您的个人信息吗？您的名字、手机号和账号信息将被删除；已提交的意见会匿名保留，用于统计和继续办理。此操作无法撤销。
privacy-forget-yes = 🗑 确认删除
privacy-forget-no = 取消
privacy-forget-kept = 好的，您的信息保持不变。
privacy-forget-done = 您的个人信息已删除，已提交的意见已匿名化。如需再次使用，请发送 /start。
privacy-forget-staff = 您是工作人员，账号与职务绑定。请先联系管理员撤销职务，再删除个人信息。

## Stations
stations-not-found = 没有找到这个站点，它可能已经停用。
stations-none = 暂时没有可用的站点。
stations-choose-area = 🗺 请选择您所在的街道或镇：
stations-in-region = 📍 { $region }：请选择社区或站点
stations-back = « 返回
stations-nearby = 离您最近的站点：
stations-distance-m = { $metres } 米
stations-distance-km = { $km } 公里
stations-tier-home = 代表之家
stations-tier-station = 代表活动站
stations-tier-point = 民情联络点
stations-card-reception = • { $when } { $representative }（{ $level ->
        [city] 市人大代表
        [district] 区人大代表
        [town] 镇人大代表
       *[other] 人大代表
    }）
stations-card-tier = 类型：{ $tier } · { $region }
stations-card-address = 地址：{ $address }
stations-card-hours = 开放时间：{ $hours }
stations-card-phone = 电话：{ $phone }
stations-card-officers = 民情联络员：{ $officers }
stations-list-separator = 、
stations-card-no-officers = 暂无
stations-card-receptions = 📅 近两周代表接待日：
stations-card-no-receptions = 近两周暂无接待安排。
stations-opinion-here = ✍️ 向此站点提意见
stations-share-location = 📍 发送我的位置
stations-or-share-location = 也可以点击下方按钮发送您的位置，查看离您最近的五个站点。

## Opinion
opinion-consent-first = 提交意见前，请先发送 /start 阅读并同意隐私说明。
opinion-button-not-now = 这个按钮现在用不上，请按最新的提示操作。
opinion-unsupported = 这里暂时不能使用贴纸、语音或视频。{ $hint }
opinion-skip = 跳过
opinion-station-confirm = 发送到这个站点吗？
    { $station }
opinion-station-keep = ✅ 就是这个站点
opinion-station-other = 🔄 选择其他站点
opinion-station-confirm-hint = 请点击上面的按钮，确认站点或选择其他站点。
opinion-station-or-location = 也可以发送您的位置，查看最近的站点。
opinion-station-hint = 请在上面的列表中选择站点，或点击下方按钮发送您的位置。
opinion-station-chosen = 站点：{ $station }
opinion-category-ask = 您的意见属于哪一类？
opinion-category-hint = 请点击上面的按钮选择类别。
opinion-category-chosen = 类别：{ $category }
opinion-text-ask = 请用文字描述您的意见或建议（{ $min }–{ $max } 字）。写清楚地点、时间和问题，办理会更快。
opinion-text-hint = 请用文字描述您的意见。
opinion-text-too-short = 内容太短了（{ $length } 字），请至少写 { $min } 字，说清楚是什么问题。
opinion-text-too-long = 内容太长了（{ $length } 字），最多 { $max } 字。请精简后重新发送。
opinion-photos-ask = 可以发送照片（最多 { $max } 张），帮助工作人员了解情况。不需要的话请点“跳过”。
opinion-photos-skip = 跳过
opinion-photos-done = ✅ 完成
opinion-photos-hint = 请发送照片，或点击“完成”/“跳过”继续。
opinion-photos-full = 已收到 { $max } 张照片，达到上限。
opinion-photo-received = 已收到第 { $count } 张照片（最多 { $max } 张）。可以继续发送，或点击“完成”。
opinion-location-ask = 需要附上位置吗？点击“发送我的位置”，或点“跳过”。
opinion-location-hint = 请点击下方按钮发送位置，或点“跳过”。
opinion-location-saved = 📍 已记录位置。
opinion-location-skipped = 未附位置。
opinion-phone-send = 📱 分享我的手机号
opinion-phone-ask = 需要留下手机号，方便工作人员联系您吗？点击“分享我的手机号”，或点“跳过”。
opinion-phone-hint = 请点击下方按钮分享您的手机号，或点“跳过”。
opinion-phone-not-own = 只能分享您本人的手机号。请点击“分享我的手机号”按钮。
opinion-phone-saved = 📱 已记录手机号。
opinion-phone-skipped = 未留手机号。
opinion-share-ask = 如果您的意见需要转交承办单位办理，可以让承办单位看到您的名字和手机号吗？（站点联络员始终可以看到。）
opinion-share-yes = 可以，方便联系我
opinion-share-no = 不可以，对承办单位匿名
opinion-share-hint = 请点击上面的按钮选择。
opinion-share-chosen-yes = 联系方式：可向承办单位提供
opinion-share-chosen-no = 联系方式：不向承办单位提供
opinion-summary-title = 📝 请核对您的意见：
opinion-summary-station = 站点：{ $station }
opinion-summary-category = 类别：{ $category }
opinion-summary-text = 内容：{ $text }
opinion-summary-photos = 照片：{ $count } 张
opinion-summary-location = 位置：{ $location }
opinion-summary-given = 已提供
opinion-summary-none = 未提供
opinion-summary-phone = 手机号：{ $phone }
opinion-summary-hint = 请点击“确认提交”、“修改”或“放弃”。
opinion-confirm = ✅ 确认提交
opinion-edit = ✏️ 修改
opinion-abandon = 🗑 放弃
opinion-edit-ask = 要修改哪一项？
opinion-edit-hint = 请点击上面的按钮选择要修改的内容。
opinion-field-station = 站点
opinion-field-category = 类别
opinion-field-text = 内容
opinion-field-photos = 照片
opinion-field-location = 位置
opinion-field-phone = 手机号
opinion-back-to-summary = « 返回核对
opinion-submitted =
    ✅ 已提交！您的意见编号是：
    { $trackingNo }
    联络员会尽快受理。发送 /my 随时查看办理进度。
opinion-submit-failed = 抱歉，暂时没能保存您的意见。内容还在，请稍后再点一次“确认提交”。
opinion-cancelled = 已退出当前操作。您已经提交的意见不受影响。
opinion-nothing-to-cancel = 当前没有进行中的操作。
opinion-rate-limited = 您在一小时内已经提交了 { $limit } 条意见，请稍后再提交。谢谢您的理解！
opinion-invalid-input = 意见内容不完整（{ $detail }），请重新发送 /new。
opinion-category-not-found = 这个类别已经停用，请重新选择。
opinion-consent-required = 提交意见前，请先发送 /start 同意隐私说明。
notify-officer-new-opinion =
    🆕 新意见 { $trackingNo }
    站点：{ $stationZh }
    类别：{ $categoryZh }
    { $excerpt }

## My opinions
my-opinions-none = 您还没有提交过意见。发送 /new 提交第一条。
my-opinions-not-found = 没有找到这条意见。
my-opinions-title = 📋 您的意见（共 { $total } 条），点击编号查看办理记录：
my-opinions-item = { $trackingNo } · { $category } · { $stage }（更新于 { $updated }）
    { $excerpt }
my-opinions-newer = « 较新
my-opinions-older = 较早 »
my-opinions-back = « 返回列表
my-opinions-station = 站点：{ $station }
my-opinions-category = 类别：{ $category }
my-opinions-stage = 当前阶段：{ $stage }
my-opinions-text = 内容：{ $text }
my-opinions-photos = 照片：{ $count } 张
my-opinions-history = 🕓 办理记录：
my-opinions-result = 💬 答复：{ $result }
my-opinions-evaluation = ⭐ 第 { $round } 轮评价：{ $rating }
my-opinions-stage-collected = 待受理
my-opinions-stage-analyzing = 分析研判中
my-opinions-stage-handling = 办理中
my-opinions-stage-feedback = 待评价
my-opinions-stage-closed = 已办结
my-opinions-event-collected = 意见已提交
my-opinions-event-acknowledged = 联络员已受理
my-opinions-event-classified = 已分类
my-opinions-event-answered = 联络员已现场答复
my-opinions-event-referred = 已转交承办单位办理
my-opinions-event-escalated = 已转为代表建议或监督议题
my-opinions-event-declined = 不予受理（已说明理由）
my-opinions-event-merged = 已与相同问题合并办理
my-opinions-event-handed-back = 承办单位退回，重新研判
my-opinions-event-progress = 办理进展已更新
my-opinions-event-clarification-requested = 承办单位需要补充情况
my-opinions-event-clarified = 已补充情况
my-opinions-event-result-submitted = 承办单位已提交办理结果
my-opinions-event-result-delivered = 办理结果已告知您
my-opinions-event-evaluated = 您已评价
my-opinions-event-reopened = 重新办理（第二轮）
my-opinions-event-closed = 已办结
my-opinions-event-reminded = 已督促办理
my-opinions-event-overdue-escalated = 超期，已报告管理员督办
my-opinions-rating-satisfied = 满意
my-opinions-rating-basically-satisfied = 基本满意
my-opinions-rating-dissatisfied = 不满意

## Help
help-staff = 您可以使用这些命令：
help-text =
    民意直通车可以帮您：
    /new 提交意见或建议（可附照片、位置）
    /my 查看您的意见和办理进度
    /stations 查找代表之家、代表活动站和民情联络点
    /language 切换语言
    /privacy 隐私说明
    /mydata 导出您的数据
    /forget 删除您的个人信息
    /cancel 退出当前操作

## Commands
commands-new = 提交意见或建议
commands-my = 我的意见和办理进度
commands-stations = 查找站点
commands-language = 切换语言 / Language
commands-privacy = 隐私说明
commands-mydata = 导出我的数据
commands-forget = 删除我的个人信息
commands-cancel = 退出当前操作
commands-help = 帮助
commands-start = 开始

## Report
report-title = { $scope } { $month } 月度办结情况
report-scope-district = 全区
report-period-month = 本月
report-period-previous-month = 上月
report-period-year-to-date = 本年累计
report-dimension-street = 街道（镇）
report-dimension-station = 站点
report-dimension-category = 类别
report-dimension-agency = 承办单位
report-dimension-officer = 联络员
report-figure-received = 受理
report-figure-answered-on-the-spot = 现场答复
report-figure-referred = 转办
report-figure-escalated = 转化为建议或议题
report-figure-closed = 办结
report-figure-closure-rate = 办结率
report-figure-on-time-rate = 按时办结率
report-figure-open = 未办结（截至月末）
report-figure-overdue = 超期
report-figure-overdue-share = 超期占比
report-figure-response-rate = 响应率
report-figure-satisfaction-first-round = 首轮满意率
report-figure-satisfaction-second-round = 二轮满意率
report-figure-response-median = 首次响应时长中位数（小时）
report-figure-response-p90 = 首次响应时长90分位（小时）
report-figure-close-median = 办结时长中位数（小时）
report-figure-close-p90 = 办结时长90分位（小时）
report-part-numerator = { $figure }·分子
report-part-denominator = { $figure }·分母
report-column-figure = 指标
report-column-name = 名称
report-column-period = 期间
report-column-tracking-no = 受理编号
report-column-days-overdue = 超期天数
report-column-size = 件数
report-column-category = 类别
report-column-street = 街道（镇）
report-column-representative = 代表性意见
report-column-stations = 涉及站点
report-column-keywords = 关键词
report-column-proposal-candidate = 可转化为代表建议
report-sheet-summary = 汇总
report-sheet-overdue = 超期案件
report-sheet-hot-topics = 热点问题
report-yes = 是
report-no = 否
report-summary-headline =
    受理 { $received } 件，办结 { $closed } 件
    办结率 { $closureRate }
    按时办结率 { $onTimeRate }
    响应率 { $responseRate }
    满意率：首轮 { $satisfactionFirst }，二轮 { $satisfactionSecond }
    超期 { $overdue } 件，占未办结的 { $overdueShare }
report-summary-changes-title = 与上月相比：
report-summary-change = { $figure }：{ $from } → { $to }（{ $delta }）
report-summary-points = { $delta } 个百分点
report-summary-no-comparison = 无可比数据
report-summary-overdue-title = 超期最久的案件：
report-summary-overdue-item = { $trackingNo }：超期 { $days } 天
report-summary-overdue-none = 没有超期案件。
report-summary-hot-topics-title = 热点问题：
report-summary-hot-topic = { $size } 件 · { $category } · { $street }：{ $text }
report-summary-hot-topic-candidate = （可转化为代表建议）
report-summary-hot-topics-none = 本月没有集中反映的问题。
report-xlsx-caption = { $scope } { $month } 月度办结情况（表格）
report-chart-caption = { $scope } { $month } 各街道（镇）办结率与首轮满意率
report-chart-title = 各街道（镇）办结率与首轮满意率 · { $month }
report-chart-no-streets = 本月没有数据
report-error-bad-month = 月份格式不对：“{ $input }”。请按“年-月”输入，例如 /report 2026-10。
report-error-future-month = 还不能生成 { $month } 的报告：请选择 { $latest } 或更早的月份。
report-refused = 抱歉，月度报告只提供给区人大常委会和街道（镇）的管理员。
report-preparing = 正在生成 { $month } 的报告，请稍候……
report-preparing-to-date = 正在生成 { $month } 本月至今（截至 { $asOf }）的报告，请稍候……
report-choose = 要看哪个月的报告？也可以发送 /report 年-月，例如 /report 2026-10。
report-choose-month-to-date = 本月至今（{ $month }）
report-choose-last-month = 上月（{ $month }）
report-delivery-text = { $text }

## Case view
case-header =
    📋 { $trackingNo } · { $stage }{ $round ->
        [1] {""}
       *[other] （第 { $round } 轮）
    }
    站点：{ $station }
    类别：{ $category } · 优先级：{ $priority }
    提交时间：{ $createdAt }
case-stage-collected = 待受理
case-stage-analyzing = 分析研判中
case-stage-handling = 办理中
case-stage-feedback = 待评价
case-stage-closed = 已办结
case-priority-low = 低
case-priority-normal = 普通
case-priority-high = 高
case-priority-urgent = 紧急
case-attachments = 附有 { $count } 张照片
case-contact = 联系人：{ $name }，电话：{ $phone }
case-contact-hidden = 群众未同意向承办单位提供联系方式。
case-agency = 承办单位：{ $agency }
case-merged-into = 已作为重复件并入 { $trackingNo }
case-duplicates = 并入本件的重复件：{ $list }
case-deadline-acknowledge = 受理
case-deadline-analyze = 分析研判
case-deadline-handle = 办理
case-deadline-evaluate = 评价
case-deadline = { $kind }期限：{ $dueAt }
case-deadline-overdue = ⚠️ { $kind }期限：{ $dueAt }（已超期）
case-result = 答复 / 结果：{ $text }
case-history = 处理记录：
case-history-line = { $at } { $event }
case-history-line-note = { $at } { $event }：{ $note }
case-event-collected = 收到意见
case-event-acknowledged = 已受理
case-event-classified = 已分类
case-event-answered = 现场答复
case-event-referred = 转办
case-event-escalated = 转为代表建议 / 监督议题
case-event-declined = 不予受理
case-event-merged = 并入重复件
case-event-handed-back = 承办单位退回
case-event-progress = 办理进展
case-event-clarification-requested = 承办单位请求澄清
case-event-clarified = 联络员澄清
case-event-result-submitted = 提交办理结果
case-event-result-delivered = 结果已告知群众
case-event-evaluated = 群众评价
case-event-reopened = 不满意，重新办理
case-event-closed = 办结
case-event-reminded = 期限提醒
case-event-overdue-escalated = 超期上报
case-button-acknowledge = 受理
case-button-classify = 分类/优先级
case-button-answer = 现场答复
case-button-refer = 转办
case-button-escalate = 转为代表建议/监督议题
case-button-decline = 不予受理
case-button-merge = 合并重复
case-button-deliver-result = 送达结果
case-button-clarify = 澄清
case-button-progress = 进展
case-button-request-clarification = 请求澄清
case-button-hand-back = 非本单位
case-button-submit-result = 提交结果
case-button-refresh = 🔄 刷新
case-done-acknowledge = 已受理 { $trackingNo }。
case-done-classify = 已更新 { $trackingNo } 的分类和优先级。
case-done-answer = 已答复 { $trackingNo }，答复已发给群众并请其评价。
case-done-refer = 已将 { $trackingNo } 转办。
case-done-escalate = 已将 { $trackingNo } 转为代表建议 / 监督议题。
case-done-decline = 已对 { $trackingNo } 作出不予受理决定，理由已告知群众。
case-done-merge = 已将 { $trackingNo } 作为重复件合并，群众会收到通知并可跟进主件。
case-done-hand-back = 已将 { $trackingNo } 退回联络员重新分派。
case-done-progress = 已记录 { $trackingNo } 的办理进展。
case-done-request-clarification = 已向联络员请求澄清 { $trackingNo }。
case-done-clarify = 已将澄清内容发给承办单位（{ $trackingNo }）。
case-done-submit-result = 已提交 { $trackingNo } 的办理结果。
case-done-deliver-result = 已将 { $trackingNo } 的办理结果送达群众。
case-open-timeline = 查看进度
case-dialogue-cancelled = 已取消，什么也没有改变。
case-dialogue-text-expected = 请发送文字，或发送 /cancel 取消。
case-prompt-answer = 请输入给群众的答复（发送 /cancel 取消）：
case-prompt-decline = 请输入不予受理的理由，群众会看到（发送 /cancel 取消）：
case-prompt-merge = 请输入主件的受理编号，例如 MY-2611-0001（发送 /cancel 取消）：
case-prompt-hand-back = 请说明为什么不属于本单位办理（发送 /cancel 取消）：
case-prompt-progress = 请输入办理进展（发送 /cancel 取消）：
case-prompt-progress-for-resident = 请输入要告知群众的办理进展，群众会收到这段文字（发送 /cancel 取消）：
case-prompt-request-clarification = 请输入需要联络员澄清的问题（发送 /cancel 取消）：
case-prompt-clarify = 请输入给承办单位的澄清说明（发送 /cancel 取消）：
case-prompt-submit-final = 请输入办理结果，提交后将直接告知群众（发送 /cancel 取消）：
case-prompt-submit-for-review = 请输入办理结果，提交后由联络员审核送达（发送 /cancel 取消）：

## Triage
triage-open-case = 查看并处理
triage-choose-category = 请选择类别：
triage-choose-priority = 请选择优先级：
triage-answer-how = 现场答复：自己填写，还是选用常用答复？
triage-answer-write = ✏️ 自己填写
triage-answer-preview =
    将发给群众的答复：
    { $text }
triage-answer-send = 发送这条答复
triage-choose-agency = 转办给哪个承办单位？
triage-choose-deadline = 办理期限：
triage-refer-default-deadline = 按规定期限
triage-refer-days = { $days } 个工作日
triage-escalate-how = 转为哪一类？
triage-escalate-proposal = 代表建议
triage-escalate-supervision = 监督议题
triage-merge-unknown = 没有找到受理编号为 { $trackingNo } 的意见，请重新输入（发送 /cancel 取消）。
triage-progress-how = 这条进展要告知群众吗？
triage-progress-for-resident = 告知群众
triage-progress-internal = 仅内部记录

## Inbox
inbox-not-officer = 只有民情联络员有待办事项。
inbox-empty = 目前没有等待您处理的意见。
inbox-header = 等待您处理的意见共 { $count } 件（最早的在前）：
inbox-line = { $trackingNo } · { $reason } · { $createdAt }：{ $excerpt }
inbox-line-overdue = ⚠️ 超期 { $trackingNo } · { $reason } · { $createdAt }：{ $excerpt }
inbox-button = { $trackingNo }
inbox-button-overdue = ⚠️ { $trackingNo }
inbox-more = 还有 { $count } 件未列出，请先处理上面的。
inbox-reason-acknowledge = 待受理
inbox-reason-decide = 待研判
inbox-reason-clarification = 承办单位请求澄清
inbox-reason-review = 办理结果待送达
inbox-reason-escalated = 代表建议 / 监督议题办理中

## Agency
agency-open-case = 查看交办件
agency-not-handler = 只有承办单位经办人可以查看交办件。
agency-cases-empty = 本单位目前没有在办的交办件。
agency-cases-header = 本单位在办的交办件共 { $count } 件（最早的在前）：
agency-submit-how = 这是最终结果，还是交联络员审核后再告知群众？
agency-submit-final = 最终结果，直接告知群众
agency-submit-for-review = 交联络员审核

## Evaluation
evaluation-satisfied = 满意
evaluation-basically-satisfied = 基本满意
evaluation-dissatisfied = 不满意
evaluation-thanks-satisfied = 感谢您的评价（满意）！意见 { $trackingNo } 已办结。
evaluation-thanks-basically-satisfied = 感谢您的评价（基本满意）！意见 { $trackingNo } 已办结。
evaluation-thanks-dissatisfied-final = 感谢您的评价。意见 { $trackingNo } 已办结，您的意见会转告相关单位。
evaluation-dissatisfied-noted = 已记下您的评价（不满意）。
evaluation-reason-prompt = 请告诉我们哪里不满意：点选下面的原因，或直接写下您的意见。您的意见会转告办理人员。
evaluation-reason-not-solved = 问题没有解决
evaluation-reason-off-topic = 答复没有回应我的问题
evaluation-reason-too-slow = 办理太慢
evaluation-reason-attitude = 工作人员态度不好
evaluation-reason-skip = 不说明原因
evaluation-reason-sent = 谢谢，已转告办理人员。意见 { $trackingNo } 已进入第二轮办理，有结果后会再请您评价。
evaluation-comment-prompt = 还有什么想补充的吗？可以直接写下您的看法，也可以跳过。
evaluation-comment-skip = 跳过
evaluation-comment-saved = 已记下您的补充意见，谢谢！
evaluation-comment-skipped = 好的，谢谢您！
evaluation-comment-invalid = 补充意见最多 { $max } 个字，请精简后再发，或点“跳过”。
evaluation-already-done = 这一轮您已经评价过了，谢谢！
evaluation-stale-round = 这是之前一轮的评价按钮，已经失效了。请使用最新结果消息下方的按钮。

## Supervision
supervision-chase = 催办
supervision-reassign = 改派
supervision-chased = 已催办 { $trackingNo }：已提醒负责人尽快处理，并记入办理记录。
supervision-reassign-choose = 把 { $trackingNo } 改派给：
supervision-reassign-nobody = { $trackingNo } 目前没有可以改派的联络员或承办单位。
supervision-to-officer = 联络员 { $name }
supervision-reassigned = 已改派 { $trackingNo }，新的负责人已收到通知。

## Staff commands
commands-inbox = 待办意见
commands-cases = 本单位交办件
commands-invite = 邀请工作人员
commands-staff = 管理工作人员
commands-report = 月度办结报告
