<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditEventModel</name>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31" />
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31" />
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31" />
        <source>Moderator</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="32" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="32" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="32" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="48" />
        <source>Verify now</source>
        <translation>立即校验</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="51" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="73" />
        <source>Select an event to see it and its chain status.</source>
        <translation>选择一条事件以查看其内容和哈希链状态。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="103" />
        <source>{count} events match</source>
        <translation>{count} 条事件符合条件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="113" />
        <source>Checking seq {seq}…</source>
        <translation>正在检查序号 {seq}…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="118" />
        <source>seq {seq}: intact (hash, link to the previous event, writer signature)</source>
        <translation>序号 {seq}：完好（哈希、与上一事件的链接、写入者签名）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="121" />
        <source>covered by the signed checkpoint at seq {checkpoint}</source>
        <translation>已由序号 {checkpoint} 处的签名检查点覆盖</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="124" />
        <source>not yet covered by a signed checkpoint</source>
        <translation>尚未被签名检查点覆盖</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="126" />
        <source>hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="126" />
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="127" />
        <source>writer signature</source>
        <translation>写入者签名</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="128" />
        <source>seq {seq}: NOT intact: {what}</source>
        <translation>序号 {seq}：不完好：{what}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="132" />
        <source>Verify the audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="133" />
        <source>Recomputing every hash and checking the signed checkpoints.</source>
        <translation>正在重新计算每个哈希并检查签名检查点。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="141" />
        <location filename="../../moderator_app/ui/lead/viewer.py" line="143" />
        <location filename="../../moderator_app/ui/lead/viewer.py" line="147" />
        <source>Verification</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="141" />
        <source>Verification cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="144" />
        <source>Intact: {events} events and {checkpoints} checkpoints check out.</source>
        <translation>完好：{events} 条事件和 {checkpoints} 个检查点均通过校验。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="147" />
        <source>NOT intact: {problem}</source>
        <translation>不完好：{problem}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="151" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>BreakReminder</name>
    <message>
        <location filename="../../moderator_app/ui/wellbeing.py" line="33" />
        <source>Time for a break</source>
        <translation>该休息一下了</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/wellbeing.py" line="34" />
        <source>You have been reviewing for {minutes} minutes. Step away from the screen for a few minutes: the queue and anything you have typed will wait for you.</source>
        <translation>你已连续审核 {minutes} 分钟。请离开屏幕休息几分钟：队列和你已输入的内容都会保留。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/wellbeing.py" line="38" />
        <source>I'll take a break</source>
        <translation>我去休息一下</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="29" />
        <source>Last days</source>
        <translation>最近天数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="35" />
        <source>SLA (minutes from claim to decision)</source>
        <translation>时限（从领取到处理的分钟数）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="41" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="57" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="76" />
        <source>no category</source>
        <translation>无类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="80" />
        <source>Decisions per 3 hours of the day (Beijing time, from the hour shown)</source>
        <translation>每三小时的处理数（北京时间，自所示整点起）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="81" />
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="82" />
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="84" />
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="86" />
        <source>Decisions</source>
        <translation>处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="82" />
        <source>Decisions per day</source>
        <translation>每日处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="84" />
        <source>Decisions by category</source>
        <translation>按类别的处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="85" />
        <source>Decisions by moderator</source>
        <translation>按审核员的处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="87" />
        <source>SLA breaches and outbox failures per day</source>
        <translation>每日超时与发件箱失败</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="88" />
        <source>SLA breaches</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="89" />
        <source>Outbox failures</source>
        <translation>发件箱失败</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="90" />
        <source>Suggestions accepted per category</source>
        <translation>各类别建议采纳率</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="91" />
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="95" />
        <source>{decisions} decisions, {breaches} SLA breaches, {failures} outbox failures since {since}</source>
        <translation>自 {since} 起：{decisions} 次处理，{breaches} 次超时，{failures} 次发件箱失败</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="36" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="64" />
        <source>Note (required to restrict or escalate)</source>
        <translation>备注（限制作者或升级时必填）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="65" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="70" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="71" />
        <source>Restriction in days</source>
        <translation>限制天数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="74" />
        <source>Refutation text or link (rumour label)</source>
        <translation>辟谣内容或链接（谣言标注）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="75" />
        <source>Refutation</source>
        <translation>辟谣</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="84" />
        <source>Restrict:</source>
        <translation>限制：</translation>
    </message>
</context>
<context>
    <name>DecisionChecks</name>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="29" />
        <source>{decision} must cite at least one Article 10 category (number keys)</source>
        <translation>“{decision}”须引用至少一项第十条类别（数字键）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="32" />
        <source>No violation cannot cite a category</source>
        <translation>“无违规”不能引用类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="34" />
        <source>Rumour label needs a refutation text or link (Article 7(5)): type it, then Enter</source>
        <translation>辟谣标注须填写辟谣内容或链接（第七条（五））：输入后按回车</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="37" />
        <source>{decision} needs a note: type it, then Enter</source>
        <translation>“{decision}”须填写备注：输入后按回车</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="39" />
        <source>Restrict author needs a restriction of at least one day</source>
        <translation>限制作者须至少限制一天</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="45" />
        <source>Export audit events</source>
        <translation>导出审计事件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="50" />
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="59" />
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="62" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="63" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="66" />
        <source>Include author identities (recorded in the audit log)</source>
        <translation>包含作者身份（将记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="68" />
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="73" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="77" />
        <source>Bundle folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="80" />
        <source>The bundle holds the events, a signed manifest and what a reviewer needs to check, offline, that it is complete and unaltered (moderator-app audit verify-export FOLDER).</source>
        <translation>导出包包含事件、签名清单，以及审查人员离线核验其完整且未被篡改所需的全部内容（moderator-app audit verify-export 文件夹）。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="83" />
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="108" />
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="114" />
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="117" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="90" />
        <source>Where to put the bundle</source>
        <translation>导出包存放位置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="102" />
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="102" />
        <source>Writing {folder}</source>
        <translation>正在写入 {folder}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="109" />
        <source>Exported {events} events to {folder}.</source>
        <translation>已导出 {events} 条事件到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="115" />
        <source>Export cancelled; nothing was kept.</source>
        <translation>导出已取消，未保留任何文件。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="65" />
        <source>Column headers and PDF report in</source>
        <translation>列标题和 PDF 报告语言</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="28" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="29" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="32" />
        <source>Moderator</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="33" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="34" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="35" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="40" />
        <source>Subject, e.g. post:4711</source>
        <translation>对象，例如 post:4711</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="44" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>HeldDecisionsPrompt</name>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="37" />
        <source>Decisions not yet sent</source>
        <translation>尚未发送的处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="39" />
        <source>Decisions still inside the undo window when the workstation stopped: {count}. Send them now, or discard them? Either choice is recorded in the audit log.</source>
        <translation>工作站停止时仍在撤销时限内的处置：{count} 条。现在发送，还是放弃？无论选择哪一项，都会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="43" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="45" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="53" />
        <source>{time}  2nd review of post {post}: {what}</source>
        <translation>{time}  帖子 {post} 的复核：{what}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="55" />
        <source>{time}  post {post}: {what}</source>
        <translation>{time}  帖子 {post}：{what}</translation>
    </message>
</context>
<context>
    <name>LeadConsoleWindow</name>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="20" />
        <source>Team lead console</source>
        <translation>组长控制台</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="24" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="28" />
        <location filename="../../moderator_app/ui/lead/console.py" line="37" />
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="29" />
        <location filename="../../moderator_app/ui/lead/console.py" line="41" />
        <source>Review quality</source>
        <translation>复核质量</translation>
    </message>
</context>
<context>
    <name>LeadMenu</name>
    <message>
        <location filename="../../moderator_app/ui/lead/menu.py" line="21" />
        <source>Team &amp;lead</source>
        <translation>组长(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/menu.py" line="23" />
        <source>Audit log, dashboard and &amp;review quality…</source>
        <translation>审计日志、仪表板与复核质量(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="41" />
        <source>set by your administrator</source>
        <translation>由管理员设定</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="31" />
        <source>Log in to the platform</source>
        <translation>登录平台</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="48" />
        <source>Remember me (keeps the token in the system keyring)</source>
        <translation>记住我（令牌保存在系统密钥环中）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="50" />
        <source>Platform URL</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="51" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="52" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="67" />
        <source>The platform URL must start with https://</source>
        <translation>平台地址必须以 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="70" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="72" />
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52" />
        <source>Moderator Workstation</source>
        <translation>审核工作站</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52" />
        <source>Moderator Workstation — demo</source>
        <translation>审核工作站 — 演示</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="157" />
        <source>The next decision applies to this post and {count} similar posts.</source>
        <translation>下一处置将应用于本帖及 {count} 条相似帖子。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="158" />
        <source>The next decision applies to similar posts (this post has none).</source>
        <translation>下一处置将应用于相似帖子（本帖没有相似帖子）。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="200" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="202" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="205" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="209" />
        <source>&amp;Queue</source>
        <translation>队列(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="211" />
        <source>&amp;Refresh queue</source>
        <translation>刷新队列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="213" />
        <source>&amp;Next post (skip this one)</source>
        <translation>下一条（跳过本条）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="215" />
        <source>Re&amp;veal media</source>
        <translation>显示媒体(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="217" />
        <source>&amp;Search text or author…</source>
        <translation>按正文或作者搜索(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="223" />
        <source>&amp;Claim this post</source>
        <translation>领取此帖子(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="224" />
        <source>Re&amp;lease this post</source>
        <translation>释放此帖子(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="225" />
        <source>Release &amp;all my posts</source>
        <translation>释放我持有的全部帖子(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="231" />
        <source>&amp;Decision</source>
        <translation>处置(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="238" />
        <source>Cite the top &amp;suggestion</source>
        <translation>引用首条建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="240" />
        <source>&amp;Undo last decision</source>
        <translation>撤销上一处置(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="242" />
        <source>Apply to all &amp;similar posts</source>
        <translation>应用到所有相似帖子(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="247" />
        <source>Write a &amp;note</source>
        <translation>填写备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="249" />
        <source>My &amp;recent decisions (revise)…</source>
        <translation>我最近的处置（修改）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="254" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="256" />
        <source>&amp;Reset the layout to fit this screen</source>
        <translation>按本屏幕重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="259" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="261" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="301" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="300" />
        <source>Moderator Workstation {version}</source>
        <translation>审核工作站 {version}</translation>
    </message>
</context>
<context>
    <name>MediaTile</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="60" />
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="62" />
        <source>Reveal media</source>
        <translation>显示媒体</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35" />
        <source>Outbox: failed decisions</source>
        <translation>发件箱：发送失败的处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="39" />
        <source>The platform refused these decisions. Retry, decide the post again, or dismiss the refusal (kept in the audit log, never sent).</source>
        <translation>平台拒绝了这些处置。请重试、重新处置该帖子，或忽略此拒绝（记入审计日志，不会发送）。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="44" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="44" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="44" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="66" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="70" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
</context>
<context>
    <name>PostPane</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="107" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="115" />
        <source>Second review: decide this post as if it were new. The first decision and who made it are not shown; your verdict goes to the audit log for your lead's agreement figures, not to the platform.</source>
        <translation>复核：请像处理新帖一样独立判断。第一次处置及处置人不予显示；你的结论写入审计日志，供组长统计一致率，不发往平台。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="129" />
        <source>Post text</source>
        <translation>帖子正文</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="135" />
        <location filename="../../moderator_app/ui/post_pane.py" line="147" />
        <source>Reports</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="138" />
        <location filename="../../moderator_app/ui/post_pane.py" line="149" />
        <source>Author history</source>
        <translation>作者历史</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="204" />
        <source>No post selected</source>
        <translation>未选择帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="212" />
        <source>Published {published} · {reposts} reposts · flagged {flagged} ({source})</source>
        <translation>发布于 {published} · 转发 {reposts} · 标记于 {flagged}（{source}）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="238" />
        <source>SLA: {0}</source>
        <translation>时限：{0}</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../moderator_app/ui/lead/progress.py" line="60" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/progress.py" line="69" />
        <source>{done} of {total} events</source>
        <translation>{done} / {total} 条事件</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="34" />
        <source>Flagged queue</source>
        <translation>待审队列</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="40" />
        <source>Filter by category</source>
        <translation>按类别筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="41" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="46" />
        <source>Filter by report reason</source>
        <translation>按举报原因筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="47" />
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="52" />
        <source>Filter by age</source>
        <translation>按时间筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="53" />
        <source>Any age</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="53" />
        <source>≤ 1 h</source>
        <translation>≤ 1 小时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="53" />
        <source>≤ 6 h</source>
        <translation>≤ 6 小时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="54" />
        <source>≤ 24 h</source>
        <translation>≤ 24 小时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="58" />
        <source>Filter by SLA</source>
        <translation>按时限筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="59" />
        <source>Any SLA</source>
        <translation>不限时限</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="59" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="60" />
        <source>Due within 1 h</source>
        <translation>1 小时内到期</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="62" />
        <source>Group similar</source>
        <translation>合并相似</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="76" />
        <source>Search text or author (Ctrl+F)</source>
        <translation>按正文或作者搜索（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="77" />
        <source>Search the queue</source>
        <translation>搜索队列</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="89" />
        <source>Show only second reviews</source>
        <translation>只显示复核帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="97" />
        <source>Flagged posts</source>
        <translation>被标记的帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="154" />
        <source>2nd reviews only ({count})</source>
        <translation>只看复核（{count}）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="198" />
        <source>Loading the queue…</source>
        <translation>正在载入队列…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="198" />
        <source>{shown} shown of {total}</source>
        <translation>显示 {shown} 条，共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="200" />
        <source>{shown} shown of your {total} claimed; loading the rest of the queue…</source>
        <translation>显示 {shown} 条，共领取 {total} 条；正在载入其余队列…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="202" />
        <source>{shown} shown of the first {total} listed; the platform holds more</source>
        <translation>显示 {shown} 条，已列出前 {total} 条；平台上还有更多</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="204" />
        <source>{shown} shown of {total} in queue</source>
        <translation>显示 {shown} 条，队列共 {total} 条</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>Reports</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>Reposts</source>
        <translation>转发</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="50" />
        <source>Flagged</source>
        <translation>标记时间</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="50" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="50" />
        <source>Similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="52" />
        <source>[2nd review]</source>
        <translation>[复核]</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="238" />
        <source>another moderator</source>
        <translation>其他审核员</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="240" />
        <source>Held by {who}: you cannot decide it until they release it.</source>
        <translation>{who} 正在处理：对方释放前你不能处置。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="241" />
        <source>Held by {who} until {time}: you cannot decide it until then.</source>
        <translation>{who} 正在处理，至 {time}：此前你不能处置。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="258" />
        <source>You hold this post (Ctrl+Shift+K gives it back)</source>
        <translation>此帖子由你持有（Ctrl+Shift+K 释放）</translation>
    </message>
</context>
<context>
    <name>RecentDecisionsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="44" />
        <source>My recent decisions</source>
        <translation>我最近的处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="50" />
        <source>A revision is a new decision that supersedes the one chosen; both stay on record.</source>
        <translation>修改是一条新的处置，取代所选的处置；两者都保留在记录中。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="53" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="53" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="53" />
        <location filename="../../moderator_app/ui/recent_decisions.py" line="72" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="54" />
        <location filename="../../moderator_app/ui/recent_decisions.py" line="73" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="68" />
        <source>e.g. 10.7, 10.11</source>
        <translation>例如 10.7, 10.11</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="71" />
        <source>New decision</source>
        <translation>新处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="78" />
        <source>&amp;Revise</source>
        <translation>修改(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="55" />
        <source>Police referral (Article 7(8))</source>
        <translation>报告公安机关（第七条（八））</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="72" />
        <source>Categories:</source>
        <translation>涉嫌类别：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="75" />
        <source>Add a legal basis…</source>
        <translation>添加法律依据…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="81" />
        <source>One provision per line (free text allowed)</source>
        <translation>每行一条依据（可自由填写）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="86" />
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="89" />
        <source>What is suspected, and why (required)</source>
        <translation>涉嫌何种违法犯罪及理由（必填）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="90" />
        <source>Suspicion:</source>
        <translation>涉嫌事实：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="91" />
        <source>Threat to life or safety (always urgent)</source>
        <translation>危及生命或人身安全（一律紧急）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="93" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="99" />
        <source>Urgency:</source>
        <translation>紧急程度：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="100" />
        <source>Remove the content</source>
        <translation>删除该内容</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="102" />
        <source>Keep it visible for the investigation</source>
        <translation>保留可见，供侦查</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="111" />
        <source>Content:</source>
        <translation>内容处置：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="114" />
        <source>Sending captures the post, its author, the reports and the author's history as evidence (each with its SHA-256) and asks a team lead, not you, to approve.</source>
        <translation>提交时将自动固定帖子、作者、举报和作者历史作为证据（各附 SHA-256），并交由另一位组长（不能是您本人）批准。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="120" />
        <source>Send for approval</source>
        <translation>提交审批</translation>
    </message>
</context>
<context>
    <name>ReferralQueueDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="61" />
        <source>Police referrals</source>
        <translation>公安机关移送</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="68" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="68" />
        <source>Referral</source>
        <translation>移送编号</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="68" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="69" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="69" />
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="69" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="80" />
        <source>Note, reason for rejection, or outcome</source>
        <translation>备注、驳回理由或处理结果</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="83" />
        <source>Hand-over to the police</source>
        <translation>移送公安机关</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="85" />
        <source>Receiving unit:</source>
        <translation>接收单位：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="86" />
        <source>Receipt or case number:</source>
        <translation>受案回执或案件编号：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="87" />
        <source>Date (YYYY-MM-DD):</source>
        <translation>日期（年-月-日）：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="88" />
        <source>Handed over by:</source>
        <translation>移送人：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="93" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="94" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="95" />
        <source>Record hand-over</source>
        <translation>登记移送</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="96" />
        <source>Close with outcome</source>
        <translation>填写结果并结案</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="97" />
        <source>Export evidence package…</source>
        <translation>导出证据包…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="134" />
        <source>URGENT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="134" />
        <source>urgent</source>
        <translation>紧急（已结束）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="155" />
        <source>No referral selected.</source>
        <translation>未选择移送记录。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="163" />
        <location filename="../../moderator_app/ui/referral_queue.py" line="175" />
        <source>Select a referral first.</source>
        <translation>请先选择一条移送。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="164" />
        <source>Only a team lead can do this.</source>
        <translation>只有组长可以执行此操作。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="165" />
        <source>You created this referral: another lead must approve or reject it (four eyes).</source>
        <translation>这条移送由你创建：须由另一名组长批准或驳回（双人复核）。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="167" />
        <source>Only a referral pending approval can be approved or rejected.</source>
        <translation>只有待批准的移送可以批准或驳回。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="172" />
        <source>Only an approved referral can be handed over.</source>
        <translation>只有已批准的移送可以登记移送。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="174" />
        <source>Only a referral handed over to the police can be closed.</source>
        <translation>只有已移交公安机关的移送可以结案。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="195" />
        <source>Approve the referral</source>
        <translation>批准移送</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="196" />
        <source>Approve {referral} for handing over to the police? This is recorded in the audit log under your name.</source>
        <translation>批准将 {referral} 移送公安机关？此操作将以你的名义记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="215" />
        <source>Folder for the evidence package</source>
        <translation>证据包保存位置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="232" />
        <source>Evidence package written: {0}</source>
        <translation>证据包已生成：{0}</translation>
    </message>
</context>
<context>
    <name>ReferralText</name>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16" />
        <source>Pending approval</source>
        <translation>待批准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="17" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="17" />
        <source>Submitted to police</source>
        <translation>已移送公安机关</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="18" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="24" />
        <source>URGENT — threat to life or safety</source>
        <translation>紧急 — 危及生命或人身安全</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="25" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="25" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="26" />
        <source>Remove the content</source>
        <translation>删除该内容</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="27" />
        <source>Keep it visible for the investigation</source>
        <translation>保留可见，供侦查</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="30" />
        <source>Categories: {0}</source>
        <translation>类别：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="31" />
        <source>Legal basis: {0}</source>
        <translation>法律依据：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="32" />
        <source>Content: {0}</source>
        <translation>内容处置：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="33" />
        <source>Suspicion:</source>
        <translation>涉嫌事实：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="34" />
        <source>Post {0} by {1} ({2}), published {3}</source>
        <translation>帖子 {0}，作者 {1}（{2}），发布于 {3}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="38" />
        <source>Evidence captured {0} by {1}; reports: {2}</source>
        <translation>证据采集：{0}，采集人 {1}；举报 {2} 条</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="43" />
        <source>Rejected: {0}</source>
        <translation>驳回：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="46" />
        <source>Handed over {0} to {1}, receipt {2}, by {3}</source>
        <translation>{0} 移送至 {1}，回执 {2}，移送人 {3}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="49" />
        <source>Outcome: {0}</source>
        <translation>处理结果：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="50" />
        <source>History:</source>
        <translation>流转记录：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="54" />
        <source>Not applied (breaks the rules): {0}</source>
        <translation>未生效（违反规则）：{0}</translation>
    </message>
</context>
<context>
    <name>ReferralsUi</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="242" />
        <source>Referral &amp;queue…</source>
        <translation>移送队列(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="250" />
        <source>&amp;Referrals</source>
        <translation>移送(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="256" />
        <source>Referral &amp;approvals…</source>
        <translation>移送审批(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="290" />
        <source>Referral &amp;approvals ({count} pending)…</source>
        <translation>移送审批（{count} 条待批准）(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="293" />
        <source>Urgent referrals: {0}</source>
        <translation>紧急移送：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="299" />
        <source> — remove the post now with the Remove decision</source>
        <translation>（内容需删除：请用“删除”处置该帖）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="318" />
        <source>Police referral</source>
        <translation>报告公安机关</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="319" />
        <source>Referrals need the audit log, which this session does not have.</source>
        <translation>移送需要审计日志，本次会话没有审计日志。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="297" />
        <source>Referral {0} sent for approval</source>
        <translation>移送 {0} 已提交审批</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="149" />
        <source>Queue not loaded ({error}); trying again in {seconds} s</source>
        <translation>队列未载入（{error}）；{seconds} 秒后重试</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="354" />
        <source>This second review is no longer waiting for you: press F5.</source>
        <translation>这条复核已不再等待你处理：请按 F5 刷新。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="393" />
        <source>2nd review: {label} — recorded in {seconds} s (not sent to the platform). Ctrl+Z to undo.</source>
        <translation>复核：{label} — {seconds} 秒后记录（不发往平台）。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="396" />
        <source>{label}{count} — sent in {seconds} s. Ctrl+Z to undo.</source>
        <translation>{label}{count} — {seconds} 秒后发送。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="410" />
        <source>{category} cannot be cited for this decision</source>
        <translation>此处置不能引用 {category}</translation>
    </message>
</context>
<context>
    <name>ReviewQualityPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="53" />
        <source>Share of decisions re-queued blind</source>
        <translation>盲审复核比例</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="68" />
        <source>Re-queue a sample now</source>
        <translation>立即抽样复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="72" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="79" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88" />
        <source>Moderator</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="79" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="81" />
        <source>Agreed</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="80" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="82" />
        <source>Reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="80" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="82" />
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="81" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="86" />
        <source>Disagreements (for the lead to settle)</source>
        <translation>分歧（由组长裁定）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88" />
        <source>Reviewer</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88" />
        <source>Review</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="89" />
        <source>Decision seq</source>
        <translation>处理序号</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="169" />
        <source>{count} decisions re-queued to a second moderator.</source>
        <translation>已将 {count} 条处理决定交由第二名审核员盲审。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="194" />
        <source>Review quality</source>
        <translation>复核质量</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="223" />
        <source>{requested} re-queued, {reviewed} reviewed, {disagreements} disagreements</source>
        <translation>已抽样 {requested} 条，已复核 {reviewed} 条，分歧 {disagreements} 条</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62" />
        <source>of the decisions from</source>
        <translation>抽样范围：从</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="65" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="89" />
        <source>Third review</source>
        <translation>第三方复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="95" />
        <source>Ask a third moderator</source>
        <translation>请第三位审核员复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="96" />
        <source>Settle: the decision stands</source>
        <translation>裁定：维持原处理决定</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="98" />
        <source>Settle: the review is right</source>
        <translation>裁定：以复核结论为准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="143" />
        <source>Select a disagreement to act on it.</source>
        <translation>请先选择一条分歧。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="146" />
        <source>A third review is waiting for {name}.</source>
        <translation>第三方复核正等待 {name} 完成。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="163" />
        <source>The first day must not be after the last.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="179" />
        <source>Third review requested from {name}.</source>
        <translation>已请 {name} 进行第三方复核。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="189" />
        <source>Disagreement on {subject} settled (recorded in the audit log).</source>
        <translation>{subject} 的分歧已裁定（已记入审计日志）。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="208" />
        <source>asked {name}</source>
        <translation>已请 {name}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="93" />
        <source>The post's events in the audit log</source>
        <translation>该帖子在审计日志中的记录</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="112" />
        <source>set by your administrator</source>
        <translation>由管理员设定</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="43" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="53" />
        <source>System certificates (TLS is always verified)</source>
        <translation>系统证书（始终验证 TLS）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="56" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="60" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="61" />
        <source>Platform URL</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="62" />
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="63" />
        <source>Language (after restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="64" />
        <source>Posts claimed at a time</source>
        <translation>每次领取的帖子数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="65" />
        <source>Undo window</source>
        <translation>撤销时限</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="68" />
        <source>Wellbeing</source>
        <translation>身心关怀</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="70" />
        <source>Blur media until revealed</source>
        <translation>媒体默认模糊，点击后显示</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="74" />
        <source> min (0 = off)</source>
        <translation> 分钟（0 = 关闭）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="76" />
        <source>Break reminder after</source>
        <translation>休息提醒间隔</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="79" />
        <source>Decision shortcuts</source>
        <translation>处置快捷键</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="144" />
        <source>Two decisions share a shortcut.</source>
        <translation>两个处置使用了同一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="146" />
        <source>Digits and '-' are reserved for citing categories.</source>
        <translation>数字键和“-”保留用于引用类别。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="48" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="52" />
        <source>Outbox: 0 pending</source>
        <translation>发件箱：0 条待发</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="53" />
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="55" />
        <location filename="../../moderator_app/ui/status.py" line="173" />
        <source>No lease</source>
        <translation>未领取</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="56" />
        <source>Decisions today: 0</source>
        <translation>今日处置：0</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="57" />
        <source>High-severity seen: 0</source>
        <translation>已看高危内容：0</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="143" />
        <source>Audit log check could not run: {0}</source>
        <translation>审计日志检查无法运行：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="146" />
        <source>Offline: {0}</source>
        <translation>离线：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="151" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="151" />
        <source>Offline — decisions are kept</source>
        <translation>离线 — 处置已保存</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="152" />
        <source>Outbox: {0} pending</source>
        <translation>发件箱：{0} 条待发</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="154" />
        <source>, {0} failed</source>
        <translation>，{0} 条失败</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="158" />
        <source>Decisions today: {0}</source>
        <translation>今日处置：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="171" />
        <source>Holding {0} posts · lease: {1} min left</source>
        <translation>持有 {0} 条帖子 · 领取剩余 {1} 分钟</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="176" />
        <source>High-severity seen: {0}</source>
        <translation>已看高危内容：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="181" />
        <source>You have been reviewing for {0} minutes. Time for a short break.</source>
        <translation>您已连续审核 {0} 分钟，请稍作休息。</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="25" />
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="29" />
        <source>Suggestions (Article 10)</source>
        <translation>建议（第十条）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="32" />
        <source>Suggested categories</source>
        <translation>建议类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="33" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="33" />
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="46" />
        <source>No suggestion: decide on the post itself.</source>
        <translation>无建议：请根据帖子本身判断。</translation>
    </message>
</context>
<context>
    <name>SyntheticBanner</name>
    <message>
        <location filename="../../moderator_app/ui/lead/synthetic_banner.py" line="23" />
        <source>This log holds SYNTHETIC events (made by "audit generate" for demos and benchmarks, each marked "synthetic": true): they are not real work.</source>
        <translation>此日志含有合成事件（由审计日志的生成命令为演示和基准测试制作，每条都标记为合成）：并非真实工作记录。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../moderator_app/ui/errors.py" line="28" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="83" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="83" />
        <source>Settings not loaded: {0}</source>
        <translation>设置未能加载：{0}</translation>
    </message>
</context>
</TS>