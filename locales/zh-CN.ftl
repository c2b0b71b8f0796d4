# 民意直通车 · 简体中文（主语言）
# 每个功能一节（## 功能名），键名用短横线连接。en.ftl 必须有完全相同的键。

## Common
error-generic = 抱歉，刚才这一步没有处理成功，请稍后再试一次。之前已经保存的内容不受影响。

## Language
language-choose = 请选择语言 / Choose your language:
language-changed = 已切换为简体中文。

## Unhandled
unhandled-stale-button = 这个按钮已经失效了，请重新开始操作。
unhandled-unsupported-message = 暂时无法处理贴纸、语音、视频等消息。请用文字描述您的意见；发送 /new 提交时可以附上照片、语音和位置。
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

## Network import
import-issue = { $sheet }，第 { $row } 行，第 { $column } 列（{ $header }）：{ $message }
import-error-required = 此单元格不能为空。
import-error-too-long = 文字过长。
import-error-bad-code = “{ $value }”不是有效编号（字母、数字、“.”、“_”、“-”，以字母或数字开头）。
import-error-bad-enum = “{ $value }”不在可选值之内：{ $allowed }。
import-error-unknown-role = 未知角色“{ $value }”：可选角色为 { $allowed }。
import-error-bad-coordinate = “{ $value }”不是有效坐标（纬度 −90～90，经度 −180～180，十进制度）。
import-error-bad-date = “{ $value }”不是有效日期（YYYY-MM-DD）。
import-error-bad-time = “{ $value }”不是有效时间（HH:MM）。
import-error-bad-time-range = 接待结束时间必须晚于开始时间。
import-error-bad-time-zone = “{ $value }”不是已知时区（例如 Asia/Shanghai）。
import-error-bad-telegram-id = “{ $value }”不是 Telegram 用户ID（只含数字）。
import-error-bad-number = “{ $value }”不是正整数。
import-error-bad-value = “{ $value }”在此无效。
import-error-parent-required = 街道、镇、社区、村必须填写上级区域。
import-error-district-parent = 区没有上级区域。
import-error-parent-kind = “{ $value }”不能作为上级：街道和镇属于区，社区和村属于街道或镇。
import-error-missing-column = 此工作表缺少这一列。
import-error-duplicate-code = “{ $value }”重复（首次出现在第 { $other } 行）。
import-error-unknown-street = 未知的街道或镇“{ $value }”：区域表和数据库中都没有。
import-error-unknown-region = 未知区域“{ $value }”：区域表和数据库中都没有。
import-error-unknown-home = “{ $value }”不是本网络的代表之家（层级 HOME）；代表之家本身不隶属其他代表之家。
import-error-unknown-station = 未知站点“{ $value }”。
import-error-unknown-scope = “{ $value }”不是本网络的{ $other ->
    [LIAISON_OFFICER] 站点
    [REPRESENTATIVE] 站点
    [AGENCY_HANDLER] 承办单位
    [STREET_ADMIN] 街道或镇
   *[other] 区
}。
import-error-unknown-representative = “{ $value }”不是人员表中的人大代表。
import-error-outside-scope = “{ $value }”不在您管理的范围之内。
import-refused = 共 { $count } 处错误：未写入任何内容。请修改文件后重新导入。
import-refused-more = ……另有 { $count } 处。
import-dry-run = 试导入：未写入任何内容。导入此文件将会：
import-applied = 已导入。变更如下：
import-sheet-changes = { $sheet }：新增 { $added }，修改 { $changed }，停用 { $deactivated }。
import-sheet-unchanged = { $sheet }：无变化。
import-codes-added = 新增：{ $codes }
import-codes-changed = 修改：{ $codes }
import-codes-deactivated = 停用：{ $codes }
import-nothing-changes = 文件与现有网络一致：无需变更。
import-invitations = 已为尚未使用 Telegram 的人员生成 { $count } 份邀请。
import-invitations-sheet-name = 邀请
import-invitations-header-name = 姓名
import-invitations-header-role = 角色
import-invitations-header-scope = 范围
import-invitations-header-link = 链接
import-invitations-header-code = 邀请码
import-invitations-header-expires = 有效期至
import-invitations-header-qr = 二维码
import-bot-send-file = 请以文件形式发送区网络表格（.xlsx）：我会先检查，并在写入前显示将要发生的变更。/template 获取空白模板，/export 导出现有网络。
import-bot-not-xlsx = 这不是 .xlsx 表格。请从 Excel 或 WPS 另存为 .xlsx 后发送。
import-bot-too-large = 文件超过 20 MB，超出 Telegram 允许机器人下载的大小。请拆分文件，或使用命令行导入。
import-bot-checking = 正在检查表格……
import-bot-confirm = 确认导入
import-bot-cancel = 取消
import-bot-cancelled = 已取消：未写入任何内容。
import-bot-expired = 此导入已失效：请重新发送文件。
import-bot-invitations-caption = 待发放的邀请：每人一个链接和二维码。
import-bot-template-caption = 区网络表格模板：填写各工作表后发回给我。
import-bot-export-caption = 现有网络（模板格式）：修改后发回即可导入。

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
    [0] 已到期
   *[other] 已超期 { $lateDays } 个工作日
}（期限 { $dueAt }），请立即处理。街道已收到督办通知。
notify-admin-overdue = 超期督办：{ $stationZh }的意见 { $trackingNo } { $deadline ->
    [ACKNOWLEDGE] 受理
    [ANALYZE] 分析研判
    [HANDLE] 办理
   *[EVALUATE] 评价
}{ $lateDays ->
    [0] 已到期
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
opinion-photos-ask = 可以发送照片或语音（最多 { $max } 个），帮助工作人员了解情况。不需要的话请点“跳过”。
opinion-photos-skip = 跳过
opinion-photos-done = ✅ 完成
opinion-photos-hint = 请发送照片或语音，或点击“完成”/“跳过”继续。
opinion-photos-full = 已收到 { $max } 个附件，达到上限。
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
opinion-summary-voices = 语音：{ $count } 段
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
    联络员会在 { $acknowledgeBy } 前受理。发送 /my 随时查看办理进度。
opinion-submit-failed = 抱歉，暂时没能保存您的意见。内容还在，请稍后再点一次“确认提交”。
opinion-cancelled = 已退出当前操作。您已经提交的意见不受影响。
opinion-nothing-to-cancel = 当前没有进行中的操作。
opinion-rate-limited = 您在一小时内已经提交了 { $limit } 条意见，{ $time } 以后可以再提交。谢谢您的理解！
opinion-invalid-input = 意见内容不完整（{ $detail }），请重新发送 /new。
opinion-category-not-found = 这个类别已经停用，请重新选择。
opinion-consent-required = 提交意见前，请先发送 /start 同意隐私说明。
notify-officer-new-opinion =
    🆕 新意见 { $trackingNo }
    站点：{ $stationZh }
    类别：{ $categoryZh }
    { $excerpt }

## Opinion draft
opinion-draft-exists = 您有一条还没提交的意见。要接着填写，还是重新开始？
opinion-draft-continue = ▶️ 继续填写
opinion-draft-restart = 🆕 重新开始
opinion-not-saved = 抱歉，系统刚才出了问题，这一步没有保存。之前填写的内容都还在，请重新回答这一步：
opinion-not-started = 抱歉，系统刚才出了问题，没能开始填写意见。请稍后再试一次。
opinion-saved-not-shown = 您的回答已经保存，但刚才有消息没能发出去。我们从这一步接着来：
opinion-submitted-not-shown = 您的意见已经提交，但回执没能发出去。发送 /my 可以查看编号和办理进度。
opinion-offer = 把这段话作为新意见提交？
opinion-offer-yes = ✅ 提交为新意见
opinion-offer-no = 不用了
opinion-offer-hint = 请点击上面的按钮：把这段话作为新意见提交，或者不提交。
opinion-offer-declined = 好的，这段话没有提交。需要时发送 /new 提交意见。
opinion-voice-received = 🎤 已收到语音（第 { $count } 个附件，最多 { $max } 个）。可以继续发送照片或语音，或点击“完成”。
opinion-voice-kept = 🎤 语音已收到，会作为附件一起提交。请再用文字简单写几句，方便工作人员登记和办理。

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

## My opinions: status
my-opinions-stage-declined = 不予受理
my-opinions-stage-merged = 已合并（并入 { $trackingNo }）
my-opinions-next-acknowledge = ⏳ 预计 { $dueAt } 前受理
my-opinions-next-analyze = ⏳ 预计 { $dueAt } 前答复或转交办理
my-opinions-next-handle = ⏳ 预计 { $dueAt } 前办结
my-opinions-next-evaluate = ⏳ 请在 { $dueAt } 前评价
my-opinions-full-text = 📄 全文
my-opinions-full-text-header = 📄 { $trackingNo } 办理记录全文

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
report-figure-open = 未办结（截至期末）
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
report-chart-no-streets = 本期没有数据
report-error-bad-month = 无法识别的时期：“{ $input }”。请输入月份、季度或年份，例如 /report 2026-10、/report 2026Q3 或 /report 2026。
report-error-future-month = 还不能生成 { $month } 的报告：请选择 { $latest } 或更早的月份。
report-refused = 抱歉，月度报告只提供给区人大常委会和街道（镇）的管理员。
report-preparing = 正在生成 { $month } 的报告，请稍候……
report-preparing-to-date = 正在生成 { $month } 本月至今（截至 { $asOf }）的报告，请稍候……
report-choose = 要看哪个时期的报告？也可以直接发送，例如 /report 2026-10、/report 2026Q3 或 /report 2026。
report-choose-month-to-date = 本月至今（{ $month }）
report-choose-last-month = 上月（{ $month }）
report-choose-quarter-to-date = 本季度至今（{ $quarter }）
report-choose-last-quarter = 上季度（{ $quarter }）
report-choose-year-to-date = 本年至今（{ $year }）
report-choose-last-year = 上年（{ $year }）
report-preparing-period-to-date = 正在生成 { $period } 至今（截至 { $asOf }）的报告，请稍候……
report-xlsx-caption-period = { $scope } { $period } 办结情况（表格）
report-summary-changes-title-period = 与上期相比：
report-summary-hot-topics-none-period = 本期没有集中反映的问题。
report-delivery-text = { $text }
report-title-period = { $scope } { $period } 办结情况
report-period-current = 本期
report-period-previous = 上期
report-figure-answered-on-the-spot-share = 现场答复占受理比例
report-figure-answer-rate = 答复率
report-figure-solved = 解决
report-figure-solved-rate = 解决率
report-sheet-proposals = 代表建议
report-sheet-proposal-agencies = 代表建议·承办单位
report-dimension-lead-agency = 主办单位
report-proposal-received = 收到建议
report-proposal-closed = 建议办结
report-proposal-closure-rate = 建议办结率
report-proposal-assigned = 交办
report-proposal-answered = 已答复
report-proposal-within-limit = 法定期限内答复
report-proposal-answer-rate = 建议答复率
report-proposal-within-limit-rate = 法定期限内答复率
report-proposal-satisfaction-first = 第一次评价满意率
report-proposal-satisfaction-second = 第二次评价满意率
report-proposal-implementation-rate = A类建议落实率
report-proposal-carried-over-closure-rate = 往年结转建议办结率
report-proposal-key = 重点督办
report-proposal-co-handled = 协办
report-sheet-representatives = 代表履职
report-dimension-representative = 代表
report-representative-visits = 进家进站接待
report-representative-leader-receptions = 主任接待日
report-representative-residents = 接待群众（人次）
report-representative-opinions = 收集意见
report-representative-answered = 现场答复
report-representative-referred = 转办
report-sheet-stations = 站点网络
report-sheet-station-activity = 站点活跃度
report-column-tier = 层级
report-station-tier-home = 代表之家
report-station-tier-station = 代表活动站
report-station-tier-point = 民情联络点
report-station-total = 合计
report-station-at-cutoff = 期末在运行
report-station-opened = 本期新建
report-station-closed = 本期撤并
report-station-little-used = 使用较少的站点
report-station-opinions = 受理意见
report-station-receptions = 接待次数
report-station-residents = 接待群众（人次）
report-summary-opinions-extra =
    现场答复 { $onTheSpot } 件，占受理 { $onTheSpotShare }
    答复率 { $answerRate }
    解决 { $solved } 件，解决率 { $solvedRate }
report-summary-proposals = 代表建议：收到 { $received } 件，交办 { $assigned } 件；答复率 { $answerRate }，法定期限内 { $withinLimitRate }；第一次评价满意率 { $first }，第二次 { $second }；A类落实率 { $implementation }；往年结转办结率 { $carriedOver }；重点督办 { $key } 件
report-summary-representatives = 代表履职：进家进站接待 { $visits } 次，主任接待日 { $leader } 次，接待群众 { $residents } 人次，收集意见 { $opinions } 件，现场答复 { $answered } 件，转办 { $referred } 件
report-summary-stations = 站点网络：期末在运行 { $total } 个（代表之家 { $home }、代表活动站 { $station }、民情联络点 { $point }），本期新建 { $opened } 个，撤并 { $closed } 个，使用较少 { $littleUsed } 个
report-error-bad-period = 无法识别的报告期间：“{ $input }”。请只用一种方式：--month 2026-10、--from 2026-01 --to 2026-05、--quarter 2026Q3 或 --year 2026。

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
case-prompt-merge = 请输入主件的受理编号，例如 MY-2611-0001，或在下面的相似在办意见中选择（发送 /cancel 取消）：
case-prompt-hand-back = 请说明为什么不属于本单位办理（发送 /cancel 取消）：
case-prompt-progress = 请输入办理进展（发送 /cancel 取消）：
case-prompt-progress-for-resident = 请输入要告知群众的办理进展，群众会收到这段文字（发送 /cancel 取消）：
case-prompt-request-clarification = 请输入需要联络员澄清的问题（发送 /cancel 取消）：
case-prompt-clarify = 请输入给承办单位的澄清说明（发送 /cancel 取消）：
case-prompt-submit-final = 请输入办理结果，提交后将直接告知群众（发送 /cancel 取消）：
case-prompt-submit-for-review = 请输入办理结果，提交后由联络员审核送达（发送 /cancel 取消）：

## Case card
case-location = 📍 位置：{ $latitude }, { $longitude } · 地图：{ $link }
case-evidence-caption = { $trackingNo } 群众提交的照片和附件
case-button-back = « 返回
case-button-full-text = 📄 全文
case-full-text-header = 📄 { $trackingNo } 全文
case-stale = ⚠️ 这张卡片已过期，已刷新为最新情况，刚才的操作没有执行。请查看后再操作。
case-stale-others = ⚠️ 别人刚刚处理了这件意见，您的操作没有执行。卡片已刷新为最新情况，请查看后再操作。
case-dialogue-choose = 请点上面的按钮，或发送 /cancel 取消。
case-dialogue-expired = 这一步已经结束，请从案件卡片重新操作。
case-preview =
    群众将收到以下消息：

    { $message }
case-preview-send-answer = ✅ 发送答复
case-preview-send-decline = ✅ 确认不予受理
case-preview-send-merge = ✅ 确认合并
case-preview-edit = ✏️ 修改
case-preview-cancel = ✖️ 取消
case-merge-similar = 本站点相似的在办意见（点编号选择）：
case-merge-candidate = • { $trackingNo } · { $category }：{ $excerpt }
case-merge-preview =
    将本件作为重复件并入：
    📋 { $trackingNo } · { $stage }
    站点：{ $station }
    类别：{ $category }
    提交时间：{ $createdAt }

    { $text }

    合并后本件即办结，群众会收到通知并跟进主件。确认合并吗？
case-prompt-refer = 给承办单位的附言（可选）：直接发送文字，或点“不附言”（发送 /cancel 取消转办）：
case-refer-no-note = 不附言，直接转办

## Paging
page-counter = （第 { $page }/{ $pages } 页）

## Triage
triage-open-case = 查看并处理
triage-choose-category = 请选择类别：
triage-choose-priority = 请选择优先级：
triage-answer-how = 现场答复：自己填写，还是选用常用答复？
triage-answer-write = ✏️ 自己填写
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

## Proposals
commands-proposals = 代表建议
proposals-not-staff = /proposals 供人大代表、区人大常委会和承办单位使用。
proposals-open = 查看建议
proposals-stage-awaiting-confirmation = 待代表确认
proposals-stage-submitted = 已提出，待交办
proposals-stage-assigned = 已交办，办理中
proposals-stage-answered = 已答复，待第一次评价
proposals-stage-implementing = 落实中
proposals-stage-closed = 已办结
proposals-header = 📑 { $number } { $title }
proposals-stage = 状态：{ $stage }（第 { $round } 轮）
proposals-representative = 提出代表：{ $name }
proposals-key = ⭐ 重点建议，领衔督办：{ $name }
proposals-agencies = 承办单位：{ $agencies }
proposals-co-suffix = （协办）
proposals-due = 答复期限：{ $dueAt }
proposals-opinions = 来源意见：{ $numbers }
proposals-answer = 答复（{ $answerClass } 类）：{ $text }
proposals-implemented-at = 已落实：{ $at }
proposals-evaluation = { $kind ->
    [FIRST] 第一次评价
   *[SECOND] 第二次评价
}（第 { $round } 轮）：{ $rating }
proposals-rating-satisfied = 满意
proposals-rating-basically-satisfied = 基本满意
proposals-rating-dissatisfied = 不满意
proposals-event-drafted = 由群众意见转化起草
proposals-event-submitted = 已提出
proposals-event-confirmed = 代表已确认
proposals-event-assigned = 已交办
proposals-event-answered = 已答复
proposals-event-evaluated = 已评价
proposals-event-reopened = 退回重新办理
proposals-event-key-marked = 列为重点建议
proposals-event-progress = 落实进展
proposals-event-implemented = 已落实
proposals-event-closed = 已办结
proposals-event-withdrawn = 已撤回
proposals-event-reminded = 已请代表第二次评价
proposals-button-new = ✍️ 提出建议
proposals-button-confirm = ✅ 确认为我的建议
proposals-button-decline = 不予确认
proposals-button-withdraw = 撤回
proposals-button-assign = 交办
proposals-button-mark-key = ⭐ 列为重点建议
proposals-button-answer = 答复
proposals-button-evaluate-first = 评价答复
proposals-button-progress = 报告进展
proposals-button-mark-implemented = 标记已落实
proposals-button-evaluate-second = 评价落实情况
proposals-done-confirm = 建议 { $number } 已确认并提出。
proposals-done-decline = 已不予确认建议 { $number }，已告知民情联络员。
proposals-done-withdraw = 建议 { $number } 已撤回。
proposals-done-assign = 建议 { $number } 已交办。
proposals-done-mark-key = 建议 { $number } 已列为重点建议。
proposals-done-answer = 对建议 { $number } 的答复已送达代表。
proposals-done-evaluate-first = 谢谢，您对建议 { $number } 的评价已记录。
proposals-done-progress = 建议 { $number } 的进展已记录。
proposals-done-mark-implemented = 建议 { $number } 已标记为已落实。
proposals-done-evaluate-second = 谢谢，您对建议 { $number } 的第二次评价已记录，建议已办结。
proposals-list-title = 代表建议（{ $total } 件）：
proposals-list-empty = 暂无代表建议。
proposals-list-item = • { $number } { $title } —— { $stage }
proposals-prompt-title = 请输入建议标题（100 字以内）。发送 /cancel 取消。
proposals-prompt-text = 请输入建议内容：问题、群众反映的情况、您的建议。
proposals-prompt-opinions = 这件建议来自哪些群众意见？请输入受理编号（如 MY-2611-0042），用空格分隔；没有请输入“-”。
proposals-submitted = 建议 { $number } 已提交区人大常委会代表工委。
proposals-prompt-answer-a = A 类（已解决或年内解决）：请输入给代表的答复。
proposals-prompt-answer-b = B 类（列入计划逐步解决）：请输入答复和计划。
proposals-prompt-answer-c = C 类（暂时无法解决）：请输入原因。
proposals-prompt-progress = 请输入落实进展。
proposals-choose-lead = 请选择主办单位：
proposals-choose-co = 请选择协办单位（可多选，最多 { $max } 个），选好后点下方按钮：
proposals-no-co = 不设协办单位
proposals-co-done = 完成交办（{ $count } 个协办单位）
proposals-co-max = 在对话中最多可选 { $max } 个协办单位。
proposals-choose-supervisor = 请选择领衔督办的领导：
proposals-choose-class = 请选择答复类别：
proposals-class-a = A · 已解决或年内解决
proposals-class-b = B · 列入计划逐步解决
proposals-class-c = C · 暂时无法解决
proposals-rate-first = 您对答复和办理情况的评价是？
proposals-rate-second = 您对落实情况的评价是？
my-opinions-proposal = 📑 已转化为代表建议 { $number }：{ $stage }
error-proposal-not-found = 未找到该建议。
error-proposal-conflict = 刚刚有人处理了这件建议，您的操作未执行。请查看最新状态后重试。
error-proposal-invalid-transition = 这件建议{ $stage ->
    [AWAITING_CONFIRMATION] 正待代表确认
    [SUBMITTED] 正待交办
    [ASSIGNED] 正在办理
    [ANSWERED] 正待第一次评价
    [IMPLEMENTING] 正在落实
    [CLOSED] 已办结
   *[other] 处于其他阶段
}，现在不能进行此操作；未做任何更改。
error-proposal-title-required = 请输入标题，不能为空。
error-proposal-title-too-long = 标题太长了，请控制在 100 字以内。
error-proposal-opinion-taken = 其中有意见已转化为另一件建议。
error-proposal-opinion-other-district = 其中有意见不属于本区，不能引用。
error-proposal-no-representative = 该站点没有联系代表，无法转化为代表建议。
error-proposal-supervisor-unknown = 领衔督办的领导须为区人大常委会管理员。
notify-proposal-confirm = 民情联络员提议将群众意见 { $trackingNo } 转化为您的建议 { $number }“{ $title }”，请确认或不予确认。
notify-proposal-submitted = 新建议 { $number }“{ $title }”待审核交办。
notify-proposal-confirmed = 代表已确认建议 { $number }“{ $title }”。
notify-proposal-declined = 代表未确认建议 { $number }“{ $title }”。原因：{ $reason }。请重新处理该意见。
notify-proposal-withdrawn = 建议 { $number }“{ $title }”已撤回。原因：{ $reason }
notify-proposal-assigned = 您的建议 { $number }“{ $title }”已交办，答复期限为 { $dueAt }。
notify-proposal-agency-assigned = 建议 { $number }“{ $title }”已交由贵单位办理，请于 { $dueAt } 前答复代表。
notify-proposal-supervise = 您领衔督办重点建议 { $number }“{ $title }”。
notify-proposal-key = 建议 { $number }“{ $title }”已列为重点建议，由 { $supervisor } 领衔督办。
notify-proposal-answered = 您的建议 { $number }“{ $title }”已答复（{ $answerClass } 类）：
    { $text }
    请对答复进行评价。
notify-proposal-reopened = 代表对建议 { $number }“{ $title }”的答复不满意，请重新办理并于 { $dueAt } 前答复。代表意见：{ $comment }
notify-proposal-evaluated = 代表对建议 { $number }“{ $title }”答复的评价：{ $rating ->
    [SATISFIED] 满意
    [BASICALLY_SATISFIED] 基本满意
   *[DISSATISFIED] 不满意
}。
notify-proposal-progress = 您的建议 { $number }“{ $title }”落实进展：{ $text }
notify-proposal-implemented = 您的建议 { $number }“{ $title }”已落实。
notify-proposal-closed = 代表对建议 { $number }“{ $title }”的第二次评价：{ $rating ->
    [SATISFIED] 满意
    [BASICALLY_SATISFIED] 基本满意
   *[DISSATISFIED] 不满意
}，建议已办结。
notify-proposal-second-evaluation = { $year } 年建议第二次评价：您的建议 { $number }“{ $title }”落实得怎么样？

## Receptions
commands-reception = 代表接待日
receptions-not-representative = /reception 供人大代表和区人大常委会使用。
receptions-days-title = 您的接待日：
receptions-days-none = 未来两周没有您的接待日。
receptions-day = • { $from }–{ $to } { $station }{ $held ->
    [yes] { " " }✔
   *[no] {""}
}
receptions-check-in = 签到：{ $station }（{ $at }）
receptions-record-visit = 🚶 记录走访
receptions-leader-day = 主任接待日：签到
receptions-choose-station = 请选择站点：
receptions-checked-in = 已签到。
receptions-panel = 🏠 { $station } 接待中，{ $since } 签到
    接待群众：{ $residents } 人次 · 记录意见：{ $opinions } 条
receptions-panel-leader = 🏛 主任接待日：{ $station }，{ $since } 签到
    接待群众：{ $residents } 人次 · 记录意见：{ $opinions } 条
receptions-resident-plus = +1 人次
receptions-resident-minus = −1
receptions-residents-now = 接待群众：{ $count } 人次
receptions-record-opinion = 📝 记录群众意见
receptions-check-out = 签退
receptions-checked-out = 已签退：本次接待群众 { $residents } 人次。辛苦了！
receptions-prompt-opinion = 请输入群众反映的意见。发送 /cancel 取消。
receptions-recorded = 已记录，受理编号 { $trackingNo }。现场答复，还是交给站点民情联络员？
receptions-answer-now = 💬 现场答复
receptions-hand-to-officer = 交给民情联络员
receptions-handed-to-officer = 站点民情联络员已在待办中收到。
error-reception-day-unknown = 您的日程中没有这个接待日。
error-reception-not-today = 只能在接待日当天签到。
error-reception-day-held = 您已在这个接待日签到过。
error-reception-already-open = 您已签到，请先签退。
error-reception-unknown = 未找到这次接待。
error-reception-closed = 这次接待已经结束。
error-reception-count = 接待人次不能小于零。
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
