<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditEventModel</name>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30"/>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="30"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="44"/>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="47"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="69"/>
        <source>Select an event to see it and its chain status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="89"/>
        <source>{count} events match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="99"/>
        <source>Checking seq {seq}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="104"/>
        <source>seq {seq}: intact (hash, link to the previous event, writer signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="107"/>
        <source>covered by the signed checkpoint at seq {checkpoint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="110"/>
        <source>not yet covered by a signed checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="112"/>
        <source>hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="112"/>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="113"/>
        <source>writer signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="114"/>
        <source>seq {seq}: NOT intact: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="118"/>
        <source>Verify the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="119"/>
        <source>Recomputing every hash and checking the signed checkpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="127"/>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="129"/>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="133"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="127"/>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="130"/>
        <source>Intact: {events} events and {checkpoints} checkpoints check out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="133"/>
        <source>NOT intact: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="137"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="26"/>
        <source>Last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="32"/>
        <source>SLA (minutes from claim to decision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="38"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="54"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="72"/>
        <source>Decisions per hour of day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="73"/>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="74"/>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="76"/>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="78"/>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="74"/>
        <source>Decisions per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="75"/>
        <source>Decisions by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="77"/>
        <source>Decisions by moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="79"/>
        <source>SLA breaches and outbox failures per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="80"/>
        <source>SLA breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="81"/>
        <source>Outbox failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="82"/>
        <source>Suggestions accepted per category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="83"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="87"/>
        <source>{decisions} decisions, {breaches} SLA breaches, {failures} outbox failures since {since}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="34"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="62"/>
        <source>Note (required to restrict or escalate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="63"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="68"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="69"/>
        <source>Restriction in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="72"/>
        <source>Refutation text or link (rumour label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="73"/>
        <source>Refutation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="75"/>
        <source>Restrict:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="44"/>
        <source>Export audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="49"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="58"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="61"/>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="62"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="63"/>
        <source>PDF report language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="64"/>
        <source>Include author identities (recorded in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="66"/>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="71"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="75"/>
        <source>Bundle folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="78"/>
        <source>The bundle holds the events, a signed manifest and what a reviewer needs to check, offline, that it is complete and unaltered (moderator-app audit verify-export FOLDER).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="81"/>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="106"/>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="112"/>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="115"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="88"/>
        <source>Where to put the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="100"/>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="100"/>
        <source>Writing {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="107"/>
        <source>Exported {events} events to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="113"/>
        <source>Export cancelled; nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="65"/>
        <source>Column headers and PDF report in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="27"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="28"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="31"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="32"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="33"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="34"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="38"/>
        <source>Subject, e.g. post:4711</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="42"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeldDecisionsPrompt</name>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="37"/>
        <source>Decisions not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="39"/>
        <source>Decisions still inside the undo window when the workstation stopped: {count}. Send them now, or discard them? Either choice is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="43"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="45"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="53"/>
        <source>{time}  2nd review of post {post}: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/held_decisions.py" line="55"/>
        <source>{time}  post {post}: {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadConsoleWindow</name>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="18"/>
        <source>Team lead console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="22"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="26"/>
        <location filename="../../moderator_app/ui/lead/console.py" line="35"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="27"/>
        <location filename="../../moderator_app/ui/lead/console.py" line="38"/>
        <source>Review quality</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadMenu</name>
    <message>
        <location filename="../../moderator_app/ui/lead/menu.py" line="21"/>
        <source>Team &amp;lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/menu.py" line="23"/>
        <source>Audit log, dashboard and &amp;review quality…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="30"/>
        <source>Log in to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="43"/>
        <source>Remember me (keeps the token in the system keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="45"/>
        <source>Platform URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="46"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="47"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="62"/>
        <source>The platform URL must start with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="65"/>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="67"/>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="43"/>
        <source>Moderator Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="43"/>
        <source>Moderator Workstation — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="142"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="144"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="147"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="151"/>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="153"/>
        <source>&amp;Refresh queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="157"/>
        <source>&amp;Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="164"/>
        <source>Cite the top &amp;suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="166"/>
        <source>&amp;Undo last decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="168"/>
        <source>Apply to all &amp;similar posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="174"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="175"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="177"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="206"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="205"/>
        <source>Moderator Workstation {version}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaTile</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="45"/>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="47"/>
        <source>Reveal media</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="27"/>
        <source>Outbox: failed decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="31"/>
        <source>The platform refused these decisions. Retry, or decide the post again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="52"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostPane</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="73"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="79"/>
        <source>Second review: decide this post as if it were new. The first decision and who made it are not shown; your verdict goes to the audit log for your lead&apos;s agreement figures, not to the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="88"/>
        <source>Post text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="94"/>
        <location filename="../../moderator_app/ui/post_pane.py" line="102"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="97"/>
        <location filename="../../moderator_app/ui/post_pane.py" line="104"/>
        <source>Author history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="139"/>
        <source>No post selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="147"/>
        <source>Published {published} · {reposts} reposts · flagged {flagged} ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="172"/>
        <source>SLA: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../moderator_app/ui/lead/progress.py" line="60"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/progress.py" line="69"/>
        <source>{done} of {total} events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="31"/>
        <source>Flagged queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="37"/>
        <source>Filter by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="38"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="43"/>
        <source>Filter by report reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="44"/>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="49"/>
        <source>Filter by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="50"/>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="50"/>
        <source>≤ 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="50"/>
        <source>≤ 6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="51"/>
        <source>≤ 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="55"/>
        <source>Filter by SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="56"/>
        <source>Any SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="56"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="57"/>
        <source>Due within 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="59"/>
        <source>Group similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="70"/>
        <source>Show only second reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="78"/>
        <source>Flagged posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="119"/>
        <source>2nd reviews only ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="153"/>
        <source>{shown} shown of {total} in queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48"/>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48"/>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="48"/>
        <source>Reposts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>Similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="51"/>
        <source>[2nd review]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="222"/>
        <source>Claimed by another moderator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="51"/>
        <source>Police referral (Article 7(8))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="68"/>
        <source>Categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="71"/>
        <source>Add a legal basis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="77"/>
        <source>One provision per line (free text allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="82"/>
        <source>Legal basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="85"/>
        <source>What is suspected, and why (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="86"/>
        <source>Suspicion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="87"/>
        <source>Threat to life or safety (always urgent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="89"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="95"/>
        <source>Urgency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="96"/>
        <source>Remove the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="98"/>
        <source>Keep it visible for the investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="107"/>
        <source>Content:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="110"/>
        <source>Sending captures the post, its author, the reports and the author&apos;s history as evidence (each with its SHA-256) and asks a team lead, not you, to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="116"/>
        <source>Send for approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralQueueDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="59"/>
        <source>Police referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="66"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="66"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="66"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="67"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="67"/>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="67"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="78"/>
        <source>Note, reason for rejection, or outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="81"/>
        <source>Hand-over to the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="83"/>
        <source>Receiving unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="84"/>
        <source>Receipt or case number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="85"/>
        <source>Date (YYYY-MM-DD):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="86"/>
        <source>Handed over by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="91"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="92"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="93"/>
        <source>Record hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="94"/>
        <source>Close with outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="95"/>
        <source>Export evidence package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="132"/>
        <source>URGENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="132"/>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="153"/>
        <source>No referral selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="194"/>
        <source>Folder for the evidence package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="211"/>
        <source>Evidence package written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralText</name>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="15"/>
        <source>Pending approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="15"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16"/>
        <source>Submitted to police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="17"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="23"/>
        <source>URGENT — threat to life or safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="24"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="24"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="25"/>
        <source>Remove the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="26"/>
        <source>Keep it visible for the investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="29"/>
        <source>Categories: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="30"/>
        <source>Legal basis: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="31"/>
        <source>Content: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="32"/>
        <source>Suspicion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="33"/>
        <source>Post {0} by {1} ({2}), published {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="37"/>
        <source>Evidence captured {0} by {1}; reports: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="42"/>
        <source>Rejected: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="45"/>
        <source>Handed over {0} to {1}, receipt {2}, by {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="48"/>
        <source>Outcome: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="49"/>
        <source>History:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="52"/>
        <source>Not applied (breaks the rules): {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsUi</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="221"/>
        <source>Referral &amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="229"/>
        <source>&amp;Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="261"/>
        <source>Urgent referrals: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="267"/>
        <source> — remove the post now with the Remove decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="286"/>
        <source>Police referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="287"/>
        <source>Referrals need the audit log, which this session does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="265"/>
        <source>Referral {0} sent for approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="255"/>
        <source>This second review is no longer waiting for you: press F5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="291"/>
        <source>2nd review: {label} — recorded in {seconds} s (not sent to the platform). Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="294"/>
        <source>{label}{count} — sent in {seconds} s. Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="301"/>
        <source>{category} cannot be cited for this decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQualityPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="41"/>
        <source>Share of decisions re-queued blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="49"/>
        <source>Re-queue a sample now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="53"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="60"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="60"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62"/>
        <source>Agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="61"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="63"/>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="61"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="63"/>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="67"/>
        <source>Disagreements (for the lead to settle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69"/>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="69"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="70"/>
        <source>Decision seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="87"/>
        <source>{count} decisions re-queued to a second moderator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="91"/>
        <source>Review quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="106"/>
        <source>{requested} re-queued, {reviewed} reviewed, {disagreements} disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="59"/>
        <source>of the decisions from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="86"/>
        <source>Third review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="90"/>
        <source>Ask a third moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="91"/>
        <source>Settle: the decision stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="93"/>
        <source>Settle: the review is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="138"/>
        <source>Select a disagreement to act on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="141"/>
        <source>A third review is waiting for {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="153"/>
        <source>The first day must not be after the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="169"/>
        <source>Third review requested from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="179"/>
        <source>Disagreement on {subject} settled (recorded in the audit log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="198"/>
        <source>asked {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="92"/>
        <source>The post's events in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="50"/>
        <source>System certificates (TLS is always verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="53"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="57"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="58"/>
        <source>Platform URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="59"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="60"/>
        <source>Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="61"/>
        <source>Posts claimed at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="62"/>
        <source>Undo window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="65"/>
        <source>Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="67"/>
        <source>Blur media until revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="71"/>
        <source> min (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="73"/>
        <source>Break reminder after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="76"/>
        <source>Decision shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="126"/>
        <source>Two decisions share a shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="128"/>
        <source>Digits and &apos;-&apos; are reserved for citing categories.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="29"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="33"/>
        <source>Outbox: 0 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="34"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="36"/>
        <location filename="../../moderator_app/ui/status.py" line="112"/>
        <source>No lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="37"/>
        <source>Decisions today: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="38"/>
        <source>High-severity seen: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="93"/>
        <source>Audit log check could not run: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="97"/>
        <source>Offline: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="102"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="102"/>
        <source>Offline — decisions are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="103"/>
        <source>Outbox: {0} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="105"/>
        <source>, {0} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="110"/>
        <source>Lease: {0} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="113"/>
        <source>Decisions today: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="121"/>
        <source>High-severity seen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="126"/>
        <source>You have been reviewing for {0} minutes. Time for a short break.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="25"/>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="29"/>
        <source>Suggestions (Article 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="32"/>
        <source>Suggested categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="33"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="33"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="41"/>
        <source>No suggestion: decide on the post itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../moderator_app/ui/errors.py" line="25"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="74"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="74"/>
        <source>Settings not loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
