<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AuditEventModel</name>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30" />
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30" />
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30" />
        <source>Moderator</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="44" />
        <source>Verify now</source>
        <translation>立即校验</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="47" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="69" />
        <source>Select an event to see it and its chain status.</source>
        <translation>选择一条事件以查看其内容和哈希链状态。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="89" />
        <source>{count} events match</source>
        <translation>{count} 条事件符合条件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="99" />
        <source>Checking seq {seq}…</source>
        <translation>正在检查序号 {seq}…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="104" />
        <source>seq {seq}: intact (hash, link to the previous event, writer signature)</source>
        <translation>序号 {seq}：完好（哈希、与上一事件的链接、写入者签名）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="107" />
        <source>covered by the signed checkpoint at seq {checkpoint}</source>
        <translation>已由序号 {checkpoint} 处的签名检查点覆盖</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="110" />
        <source>not yet covered by a signed checkpoint</source>
        <translation>尚未被签名检查点覆盖</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="112" />
        <source>hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="112" />
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="113" />
        <source>writer signature</source>
        <translation>写入者签名</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="114" />
        <source>seq {seq}: NOT intact: {what}</source>
        <translation>序号 {seq}：不完好：{what}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="118" />
        <source>Verify the audit log</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="119" />
        <source>Recomputing every hash and checking the signed checkpoints.</source>
        <translation>正在重新计算每个哈希并检查签名检查点。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="127" />
        <location filename="../../moderator_app/ui/lead/viewer.py" line="129" />
        <location filename="../../moderator_app/ui/lead/viewer.py" line="133" />
        <source>Verification</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="127" />
        <source>Verification cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="130" />
        <source>Intact: {events} events and {checkpoints} checkpoints check out.</source>
        <translation>完好：{events} 条事件和 {checkpoints} 个检查点均通过校验。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="133" />
        <source>NOT intact: {problem}</source>
        <translation>不完好：{problem}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="137" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="26" />
        <source>Last days</source>
        <translation>最近天数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="32" />
        <source>SLA (minutes from claim to decision)</source>
        <translation>时限（从领取到处理的分钟数）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="38" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="54" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="72" />
        <source>Decisions per hour of day (UTC)</source>
        <translation>各时段的处理数（UTC）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="73" />
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="74" />
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="76" />
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="78" />
        <source>Decisions</source>
        <translation>处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="74" />
        <source>Decisions per day</source>
        <translation>每日处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="75" />
        <source>Decisions by category</source>
        <translation>按类别的处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="77" />
        <source>Decisions by moderator</source>
        <translation>按审核员的处理数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="79" />
        <source>SLA breaches and outbox failures per day</source>
        <translation>每日超时与发件箱失败</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="80" />
        <source>SLA breaches</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="81" />
        <source>Outbox failures</source>
        <translation>发件箱失败</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="82" />
        <source>Suggestions accepted per category</source>
        <translation>各类别建议采纳率</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="83" />
        <source>Accepted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="87" />
        <source>{decisions} decisions, {breaches} SLA breaches, {failures} outbox failures since {since}</source>
        <translation>自 {since} 起：{decisions} 次处理，{breaches} 次超时，{failures} 次发件箱失败</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="34" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="62" />
        <source>Note (required to restrict or escalate)</source>
        <translation>备注（限制作者或升级时必填）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="63" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="68" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="69" />
        <source>Restriction in days</source>
        <translation>限制天数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="72" />
        <source>Refutation text or link (rumour label)</source>
        <translation>辟谣内容或链接（谣言标注）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="73" />
        <source>Refutation</source>
        <translation>辟谣</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="75" />
        <source>Restrict:</source>
        <translation>限制：</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="44" />
        <source>Export audit events</source>
        <translation>导出审计事件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="49" />
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="58" />
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="61" />
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="62" />
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="63" />
        <source>PDF report language</source>
        <translation>PDF 报告语言</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="64" />
        <source>Include author identities (recorded in the audit log)</source>
        <translation>包含作者身份（将记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="66" />
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="71" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="75" />
        <source>Bundle folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="78" />
        <source>The bundle holds the events, a signed manifest and what a reviewer needs to check, offline, that it is complete and unaltered (moderator-app audit verify-export FOLDER).</source>
        <translation>导出包包含事件、签名清单，以及审查人员离线核验其完整且未被篡改所需的全部内容（moderator-app audit verify-export 文件夹）。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="81" />
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="106" />
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="112" />
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="115" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="88" />
        <source>Where to put the bundle</source>
        <translation>导出包存放位置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="100" />
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="100" />
        <source>Writing {folder}</source>
        <translation>正在写入 {folder}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="107" />
        <source>Exported {events} events to {folder}.</source>
        <translation>已导出 {events} 条事件到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="113" />
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
        <location filename="../../moderator_app/ui/lead/filters.py" line="27" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="28" />
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="31" />
        <source>Moderator</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="32" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="33" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="34" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="38" />
        <source>Subject, e.g. post:4711</source>
        <translation>对象，例如 post:4711</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="42" />
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
        <location filename="../../moderator_app/ui/lead/console.py" line="18" />
        <source>Team lead console</source>
        <translation>组长控制台</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="22" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="26" />
        <location filename="../../moderator_app/ui/lead/console.py" line="35" />
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="27" />
        <location filename="../../moderator_app/ui/lead/console.py" line="38" />
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
        <location filename="../../moderator_app/ui/login_dialog.py" line="30" />
        <source>Log in to the platform</source>
        <translation>登录平台</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="43" />
        <source>Remember me (keeps the token in the system keyring)</source>
        <translation>记住我（令牌保存在系统密钥环中）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="45" />
        <source>Platform URL</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="46" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="47" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="62" />
        <source>The platform URL must start with https://</source>
        <translation>平台地址必须以 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="65" />
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="67" />
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="43" />
        <source>Moderator Workstation</source>
        <translation>审核工作站</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="43" />
        <source>Moderator Workstation — demo</source>
        <translation>审核工作站 — 演示</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="142" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="144" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="147" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="151" />
        <source>&amp;Queue</source>
        <translation>队列(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="153" />
        <source>&amp;Refresh queue</source>
        <translation>刷新队列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="157" />
        <source>&amp;Decision</source>
        <translation>处置(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="164" />
        <source>Cite the top &amp;suggestion</source>
        <translation>引用首条建议(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="166" />
        <source>&amp;Undo last decision</source>
        <translation>撤销上一处置(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="168" />
        <source>Apply to all &amp;similar posts</source>
        <translation>应用到所有相似帖子(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="174" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="175" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="177" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="206" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="205" />
        <source>Moderator Workstation {version}</source>
        <translation>审核工作站 {version}</translation>
    </message>
</context>
<context>
    <name>MediaTile</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="45" />
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="47" />
        <source>Reveal media</source>
        <translation>显示媒体</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="27" />
        <source>Outbox: failed decisions</source>
        <translation>发件箱：发送失败的处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="31" />
        <source>The platform refused these decisions. Retry, or decide the post again.</source>
        <translation>平台拒绝了这些处置。请重试，或重新处置该帖子。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="52" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>PostPane</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="73" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="79" />
        <source>Second review: decide this post as if it were new. The first decision and who made it are not shown; your verdict goes to the audit log for your lead's agreement figures, not to the platform.</source>
        <translation>复核：请像处理新帖一样独立判断。第一次处置及处置人不予显示；你的结论写入审计日志，供组长统计一致率，不发往平台。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="88" />
        <source>Post text</source>
        <translation>帖子正文</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="94" />
        <location filename="../../moderator_app/ui/post_pane.py" line="102" />
        <source>Reports</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="97" />
        <location filename="../../moderator_app/ui/post_pane.py" line="104" />
        <source>Author history</source>
        <translation>作者历史</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="139" />
        <source>No post selected</source>
        <translation>未选择帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="147" />
        <source>Published {published} · {reposts} reposts · flagged {flagged} ({source})</source>
        <translation>发布于 {published} · 转发 {reposts} · 标记于 {flagged}（{source}）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="172" />
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
        <location filename="../../moderator_app/ui/queue/panel.py" line="31" />
        <source>Flagged queue</source>
        <translation>待审队列</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="37" />
        <source>Filter by category</source>
        <translation>按类别筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="38" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="43" />
        <source>Filter by report reason</source>
        <translation>按举报原因筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="44" />
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="49" />
        <source>Filter by age</source>
        <translation>按时间筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="50" />
        <source>Any age</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="50" />
        <source>≤ 1 h</source>
        <translation>≤ 1 小时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="50" />
        <source>≤ 6 h</source>
        <translation>≤ 6 小时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="51" />
        <source>≤ 24 h</source>
        <translation>≤ 24 小时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="55" />
        <source>Filter by SLA</source>
        <translation>按时限筛选</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="56" />
        <source>Any SLA</source>
        <translation>不限时限</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="56" />
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="57" />
        <source>Due within 1 h</source>
        <translation>1 小时内到期</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="59" />
        <source>Group similar</source>
        <translation>合并相似</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="70" />
        <source>Show only second reviews</source>
        <translation>只显示复核帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="78" />
        <source>Flagged posts</source>
        <translation>被标记的帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="119" />
        <source>2nd reviews only ({count})</source>
        <translation>只看复核（{count}）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="153" />
        <source>{shown} shown of {total} in queue</source>
        <translation>显示 {shown} 条，队列共 {total} 条</translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48" />
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48" />
        <source>Suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48" />
        <source>Reports</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48" />
        <source>Reposts</source>
        <translation>转发</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>Flagged</source>
        <translation>标记时间</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49" />
        <source>Similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="51" />
        <source>[2nd review]</source>
        <translation>[复核]</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="222" />
        <source>Claimed by another moderator</source>
        <translation>已被其他审核员领取</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="51" />
        <source>Police referral (Article 7(8))</source>
        <translation>报告公安机关（第七条（八））</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="68" />
        <source>Categories:</source>
        <translation>涉嫌类别：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="71" />
        <source>Add a legal basis…</source>
        <translation>添加法律依据…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="77" />
        <source>One provision per line (free text allowed)</source>
        <translation>每行一条依据（可自由填写）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="82" />
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="85" />
        <source>What is suspected, and why (required)</source>
        <translation>涉嫌何种违法犯罪及理由（必填）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="86" />
        <source>Suspicion:</source>
        <translation>涉嫌事实：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="87" />
        <source>Threat to life or safety (always urgent)</source>
        <translation>危及生命或人身安全（一律紧急）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="89" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="95" />
        <source>Urgency:</source>
        <translation>紧急程度：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="96" />
        <source>Remove the content</source>
        <translation>删除该内容</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="98" />
        <source>Keep it visible for the investigation</source>
        <translation>保留可见，供侦查</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="107" />
        <source>Content:</source>
        <translation>内容处置：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="110" />
        <source>Sending captures the post, its author, the reports and the author's history as evidence (each with its SHA-256) and asks a team lead, not you, to approve.</source>
        <translation>提交时将自动固定帖子、作者、举报和作者历史作为证据（各附 SHA-256），并交由另一位组长（不能是您本人）批准。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="116" />
        <source>Send for approval</source>
        <translation>提交审批</translation>
    </message>
</context>
<context>
    <name>ReferralQueueDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="59" />
        <source>Police referrals</source>
        <translation>公安机关移送</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="66" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="66" />
        <source>Referral</source>
        <translation>移送编号</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="66" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="67" />
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="67" />
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="67" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="78" />
        <source>Note, reason for rejection, or outcome</source>
        <translation>备注、驳回理由或处理结果</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="81" />
        <source>Hand-over to the police</source>
        <translation>移送公安机关</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="83" />
        <source>Receiving unit:</source>
        <translation>接收单位：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="84" />
        <source>Receipt or case number:</source>
        <translation>受案回执或案件编号：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="85" />
        <source>Date (YYYY-MM-DD):</source>
        <translation>日期（年-月-日）：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="86" />
        <source>Handed over by:</source>
        <translation>移送人：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="91" />
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="92" />
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="93" />
        <source>Record hand-over</source>
        <translation>登记移送</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="94" />
        <source>Close with outcome</source>
        <translation>填写结果并结案</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="95" />
        <source>Export evidence package…</source>
        <translation>导出证据包…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="132" />
        <source>URGENT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="132" />
        <source>urgent</source>
        <translation>紧急（已结束）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="153" />
        <source>No referral selected.</source>
        <translation>未选择移送记录。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="194" />
        <source>Folder for the evidence package</source>
        <translation>证据包保存位置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="211" />
        <source>Evidence package written: {0}</source>
        <translation>证据包已生成：{0}</translation>
    </message>
</context>
<context>
    <name>ReferralText</name>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="15" />
        <source>Pending approval</source>
        <translation>待批准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="15" />
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16" />
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16" />
        <source>Submitted to police</source>
        <translation>已移送公安机关</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="17" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="23" />
        <source>URGENT — threat to life or safety</source>
        <translation>紧急 — 危及生命或人身安全</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="24" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="24" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="25" />
        <source>Remove the content</source>
        <translation>删除该内容</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="26" />
        <source>Keep it visible for the investigation</source>
        <translation>保留可见，供侦查</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="29" />
        <source>Categories: {0}</source>
        <translation>类别：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="30" />
        <source>Legal basis: {0}</source>
        <translation>法律依据：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="31" />
        <source>Content: {0}</source>
        <translation>内容处置：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="32" />
        <source>Suspicion:</source>
        <translation>涉嫌事实：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="33" />
        <source>Post {0} by {1} ({2}), published {3}</source>
        <translation>帖子 {0}，作者 {1}（{2}），发布于 {3}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="37" />
        <source>Evidence captured {0} by {1}; reports: {2}</source>
        <translation>证据采集：{0}，采集人 {1}；举报 {2} 条</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="42" />
        <source>Rejected: {0}</source>
        <translation>驳回：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="45" />
        <source>Handed over {0} to {1}, receipt {2}, by {3}</source>
        <translation>{0} 移送至 {1}，回执 {2}，移送人 {3}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="48" />
        <source>Outcome: {0}</source>
        <translation>处理结果：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="49" />
        <source>History:</source>
        <translation>流转记录：</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="52" />
        <source>Not applied (breaks the rules): {0}</source>
        <translation>未生效（违反规则）：{0}</translation>
    </message>
</context>
<context>
    <name>ReferralsUi</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="221" />
        <source>Referral &amp;queue…</source>
        <translation>移送队列(&amp;Q)…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="229" />
        <source>&amp;Referrals</source>
        <translation>移送(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="261" />
        <source>Urgent referrals: {0}</source>
        <translation>紧急移送：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="267" />
        <source> — remove the post now with the Remove decision</source>
        <translation>（内容需删除：请用“删除”处置该帖）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="286" />
        <source>Police referral</source>
        <translation>报告公安机关</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="287" />
        <source>Referrals need the audit log, which this session does not have.</source>
        <translation>移送需要审计日志，本次会话没有审计日志。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="265" />
        <source>Referral {0} sent for approval</source>
        <translation>移送 {0} 已提交审批</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="255" />
        <source>This second review is no longer waiting for you: press F5.</source>
        <translation>这条复核已不再等待你处理：请按 F5 刷新。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="291" />
        <source>2nd review: {label} — recorded in {seconds} s (not sent to the platform). Ctrl+Z to undo.</source>
        <translation>复核：{label} — {seconds} 秒后记录（不发往平台）。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="294" />
        <source>{label}{count} — sent in {seconds} s. Ctrl+Z to undo.</source>
        <translation>{label}{count} — {seconds} 秒后发送。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="301" />
        <source>{category} cannot be cited for this decision</source>
        <translation>此处置不能引用 {category}</translation>
    </message>
</context>
<context>
    <name>ReviewQualityPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="41" />
        <source>Share of decisions re-queued blind</source>
        <translation>盲审复核比例</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="49" />
        <source>Re-queue a sample now</source>
        <translation>立即抽样复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="53" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="60" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69" />
        <source>Moderator</source>
        <translation>审核员</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="60" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62" />
        <source>Agreed</source>
        <translation>一致</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="61" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="63" />
        <source>Reviewed</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="61" />
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="63" />
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="67" />
        <source>Disagreements (for the lead to settle)</source>
        <translation>分歧（由组长裁定）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69" />
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69" />
        <source>Decision</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69" />
        <source>Reviewer</source>
        <translation>复核人</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69" />
        <source>Review</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="70" />
        <source>Decision seq</source>
        <translation>处理序号</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="87" />
        <source>{count} decisions re-queued to a second moderator.</source>
        <translation>已将 {count} 条处理决定交由第二名审核员盲审。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="91" />
        <source>Review quality</source>
        <translation>复核质量</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="106" />
        <source>{requested} re-queued, {reviewed} reviewed, {disagreements} disagreements</source>
        <translation>已抽样 {requested} 条，已复核 {reviewed} 条，分歧 {disagreements} 条</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="59" />
        <source>of the decisions from</source>
        <translation>抽样范围：从</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="86" />
        <source>Third review</source>
        <translation>第三方复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="90" />
        <source>Ask a third moderator</source>
        <translation>请第三位审核员复核</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="91" />
        <source>Settle: the decision stands</source>
        <translation>裁定：维持原处理决定</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="93" />
        <source>Settle: the review is right</source>
        <translation>裁定：以复核结论为准</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="138" />
        <source>Select a disagreement to act on it.</source>
        <translation>请先选择一条分歧。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="141" />
        <source>A third review is waiting for {name}.</source>
        <translation>第三方复核正等待 {name} 完成。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="153" />
        <source>The first day must not be after the last.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="169" />
        <source>Third review requested from {name}.</source>
        <translation>已请 {name} 进行第三方复核。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="179" />
        <source>Disagreement on {subject} settled (recorded in the audit log).</source>
        <translation>{subject} 的分歧已裁定（已记入审计日志）。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="198" />
        <source>asked {name}</source>
        <translation>已请 {name}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="92" />
        <source>The post's events in the audit log</source>
        <translation>该帖子在审计日志中的记录</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="40" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="50" />
        <source>System certificates (TLS is always verified)</source>
        <translation>系统证书（始终验证 TLS）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="53" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="57" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="58" />
        <source>Platform URL</source>
        <translation>平台地址</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="59" />
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="60" />
        <source>Language (after restart)</source>
        <translation>语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="61" />
        <source>Posts claimed at a time</source>
        <translation>每次领取的帖子数</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="62" />
        <source>Undo window</source>
        <translation>撤销时限</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="65" />
        <source>Wellbeing</source>
        <translation>身心关怀</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="67" />
        <source>Blur media until revealed</source>
        <translation>媒体默认模糊，点击后显示</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="71" />
        <source> min (0 = off)</source>
        <translation> 分钟（0 = 关闭）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="73" />
        <source>Break reminder after</source>
        <translation>休息提醒间隔</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="76" />
        <source>Decision shortcuts</source>
        <translation>处置快捷键</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="126" />
        <source>Two decisions share a shortcut.</source>
        <translation>两个处置使用了同一个快捷键。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="128" />
        <source>Digits and '-' are reserved for citing categories.</source>
        <translation>数字键和“-”保留用于引用类别。</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="29" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="33" />
        <source>Outbox: 0 pending</source>
        <translation>发件箱：0 条待发</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="34" />
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="36" />
        <location filename="../../moderator_app/ui/status.py" line="112" />
        <source>No lease</source>
        <translation>未领取</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="37" />
        <source>Decisions today: 0</source>
        <translation>今日处置：0</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="38" />
        <source>High-severity seen: 0</source>
        <translation>已看高危内容：0</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="93" />
        <source>Audit log check could not run: {0}</source>
        <translation>审计日志检查无法运行：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="97" />
        <source>Offline: {0}</source>
        <translation>离线：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="102" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="102" />
        <source>Offline — decisions are kept</source>
        <translation>离线 — 处置已保存</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="103" />
        <source>Outbox: {0} pending</source>
        <translation>发件箱：{0} 条待发</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="105" />
        <source>, {0} failed</source>
        <translation>，{0} 条失败</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="110" />
        <source>Lease: {0} min left</source>
        <translation>领取剩余 {0} 分钟</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="113" />
        <source>Decisions today: {0}</source>
        <translation>今日处置：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="121" />
        <source>High-severity seen: {0}</source>
        <translation>已看高危内容：{0}</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="126" />
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
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="41" />
        <source>No suggestion: decide on the post itself.</source>
        <translation>无建议：请根据帖子本身判断。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../moderator_app/ui/errors.py" line="25" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="74" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="74" />
        <source>Settings not loaded: {0}</source>
        <translation>设置未能加载：{0}</translation>
    </message>
</context>
</TS>