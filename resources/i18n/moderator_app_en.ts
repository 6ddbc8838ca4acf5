<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditEventModel</name>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31"/>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31"/>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="31"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="32"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="32"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/event_model.py" line="32"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="48"/>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="51"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="73"/>
        <source>Select an event to see it and its chain status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="103"/>
        <source>{count} events match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="113"/>
        <source>Checking seq {seq}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="118"/>
        <source>seq {seq}: intact (hash, link to the previous event, writer signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="121"/>
        <source>covered by the signed checkpoint at seq {checkpoint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="124"/>
        <source>not yet covered by a signed checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="126"/>
        <source>hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="126"/>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="127"/>
        <source>writer signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="128"/>
        <source>seq {seq}: NOT intact: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="132"/>
        <source>Verify the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="133"/>
        <source>Recomputing every hash and checking the signed checkpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="141"/>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="143"/>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="147"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="141"/>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="144"/>
        <source>Intact: {events} events and {checkpoints} checkpoints check out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="147"/>
        <source>NOT intact: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/viewer.py" line="151"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakReminder</name>
    <message>
        <location filename="../../moderator_app/ui/wellbeing.py" line="33"/>
        <source>Time for a break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/wellbeing.py" line="34"/>
        <source>You have been reviewing for {minutes} minutes. Step away from the screen for a few minutes: the queue and anything you have typed will wait for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/wellbeing.py" line="38"/>
        <source>I&apos;ll take a break</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="29"/>
        <source>Last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="35"/>
        <source>SLA (minutes from claim to decision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="41"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="57"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="76"/>
        <source>no category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="80"/>
        <source>Decisions per 3 hours of the day (Beijing time, from the hour shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="81"/>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="82"/>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="84"/>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="86"/>
        <source>Decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="82"/>
        <source>Decisions per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="84"/>
        <source>Decisions by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="85"/>
        <source>Decisions by moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="87"/>
        <source>SLA breaches and outbox failures per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="88"/>
        <source>SLA breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="89"/>
        <source>Outbox failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="90"/>
        <source>Suggestions accepted per category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="91"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/dashboard.py" line="95"/>
        <source>{decisions} decisions, {breaches} SLA breaches, {failures} outbox failures since {since}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="36"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="64"/>
        <source>Note (required to restrict or escalate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="65"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="70"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="71"/>
        <source>Restriction in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="74"/>
        <source>Refutation text or link (rumour label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="75"/>
        <source>Refutation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_bar.py" line="84"/>
        <source>Restrict:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionChecks</name>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="29"/>
        <source>{decision} must cite at least one Article 10 category (number keys)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="32"/>
        <source>No violation cannot cite a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="34"/>
        <source>Rumour label needs a refutation text or link (Article 7(5)): type it, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="37"/>
        <source>{decision} needs a note: type it, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/decision_checks.py" line="39"/>
        <source>Restrict author needs a restriction of at least one day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="45"/>
        <source>Export audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="50"/>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="59"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="62"/>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="63"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="66"/>
        <source>Include author identities (recorded in the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="68"/>
        <source>Personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="73"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="77"/>
        <source>Bundle folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="80"/>
        <source>The bundle holds the events, a signed manifest and what a reviewer needs to check, offline, that it is complete and unaltered (moderator-app audit verify-export FOLDER).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="83"/>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="108"/>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="114"/>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="117"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="90"/>
        <source>Where to put the bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="102"/>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="102"/>
        <source>Writing {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="109"/>
        <source>Exported {events} events to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/export_dialog.py" line="115"/>
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
        <location filename="../../moderator_app/ui/lead/filters.py" line="28"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="29"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="32"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="33"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="34"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="35"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="40"/>
        <source>Subject, e.g. post:4711</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/filters.py" line="44"/>
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
        <location filename="../../moderator_app/ui/lead/console.py" line="20"/>
        <source>Team lead console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="24"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="28"/>
        <location filename="../../moderator_app/ui/lead/console.py" line="37"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/console.py" line="29"/>
        <location filename="../../moderator_app/ui/lead/console.py" line="41"/>
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
        <location filename="../../moderator_app/ui/login_dialog.py" line="41"/>
        <source>set by your administrator</source>
        <translation>set by your administrator</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="31"/>
        <source>Log in to the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="48"/>
        <source>Remember me (keeps the token in the system keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="50"/>
        <source>Platform URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="51"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="52"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="67"/>
        <source>The platform URL must start with https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="70"/>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/login_dialog.py" line="72"/>
        <source>Logging in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52"/>
        <source>Moderator Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52"/>
        <source>Moderator Workstation — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="157"/>
        <source>The next decision applies to this post and {count} similar posts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="158"/>
        <source>The next decision applies to similar posts (this post has none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="200"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="202"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="205"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="209"/>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="211"/>
        <source>&amp;Refresh queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="213"/>
        <source>&amp;Next post (skip this one)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="215"/>
        <source>Re&amp;veal media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="217"/>
        <source>&amp;Search text or author…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="223"/>
        <source>&amp;Claim this post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="224"/>
        <source>Re&amp;lease this post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="225"/>
        <source>Release &amp;all my posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="231"/>
        <source>&amp;Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="238"/>
        <source>Cite the top &amp;suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="240"/>
        <source>&amp;Undo last decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="242"/>
        <source>Apply to all &amp;similar posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="247"/>
        <source>Write a &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="249"/>
        <source>My &amp;recent decisions (revise)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="254"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="256"/>
        <source>&amp;Reset the layout to fit this screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="259"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="261"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="301"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="300"/>
        <source>Moderator Workstation {version}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaTile</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="60"/>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="62"/>
        <source>Reveal media</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="35"/>
        <source>Outbox: failed decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="39"/>
        <source>The platform refused these decisions. Retry, decide the post again, or dismiss the refusal (kept in the audit log, never sent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="44"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="44"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="44"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="66"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/outbox_dialog.py" line="70"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PostPane</name>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="107"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="115"/>
        <source>Second review: decide this post as if it were new. The first decision and who made it are not shown; your verdict goes to the audit log for your lead&apos;s agreement figures, not to the platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="129"/>
        <source>Post text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="135"/>
        <location filename="../../moderator_app/ui/post_pane.py" line="147"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="138"/>
        <location filename="../../moderator_app/ui/post_pane.py" line="149"/>
        <source>Author history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="204"/>
        <source>No post selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="212"/>
        <source>Published {published} · {reposts} reposts · flagged {flagged} ({source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/post_pane.py" line="238"/>
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
        <location filename="../../moderator_app/ui/queue/panel.py" line="34"/>
        <source>Flagged queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="40"/>
        <source>Filter by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="41"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="46"/>
        <source>Filter by report reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="47"/>
        <source>All reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="52"/>
        <source>Filter by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="53"/>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="53"/>
        <source>≤ 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="53"/>
        <source>≤ 6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="54"/>
        <source>≤ 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="58"/>
        <source>Filter by SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="59"/>
        <source>Any SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="59"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="60"/>
        <source>Due within 1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="62"/>
        <source>Group similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="76"/>
        <source>Search text or author (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="77"/>
        <source>Search the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="89"/>
        <source>Show only second reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="97"/>
        <source>Flagged posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="154"/>
        <source>2nd reviews only ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="198"/>
        <source>Loading the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="198"/>
        <source>{shown} shown of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="200"/>
        <source>{shown} shown of your {total} claimed; loading the rest of the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="202"/>
        <source>{shown} shown of the first {total} listed; the platform holds more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/panel.py" line="204"/>
        <source>{shown} shown of {total} in queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueTableModel</name>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>Suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="49"/>
        <source>Reposts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="50"/>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="50"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="50"/>
        <source>Similar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="52"/>
        <source>[2nd review]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="238"/>
        <source>another moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="240"/>
        <source>Held by {who}: you cannot decide it until they release it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="241"/>
        <source>Held by {who} until {time}: you cannot decide it until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/queue/model.py" line="258"/>
        <source>You hold this post (Ctrl+Shift+K gives it back)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentDecisionsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="44"/>
        <source>My recent decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="50"/>
        <source>A revision is a new decision that supersedes the one chosen; both stay on record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="53"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="53"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="53"/>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="72"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="54"/>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="73"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="68"/>
        <source>e.g. 10.7, 10.11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="71"/>
        <source>New decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/recent_decisions.py" line="78"/>
        <source>&amp;Revise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="55"/>
        <source>Police referral (Article 7(8))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="72"/>
        <source>Categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="75"/>
        <source>Add a legal basis…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="81"/>
        <source>One provision per line (free text allowed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="86"/>
        <source>Legal basis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="89"/>
        <source>What is suspected, and why (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="90"/>
        <source>Suspicion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="91"/>
        <source>Threat to life or safety (always urgent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="93"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="99"/>
        <source>Urgency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="100"/>
        <source>Remove the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="102"/>
        <source>Keep it visible for the investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="111"/>
        <source>Content:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="114"/>
        <source>Sending captures the post, its author, the reports and the author&apos;s history as evidence (each with its SHA-256) and asks a team lead, not you, to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_dialog.py" line="120"/>
        <source>Send for approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralQueueDialog</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="61"/>
        <source>Police referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="68"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="68"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="68"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="69"/>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="69"/>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="69"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="80"/>
        <source>Note, reason for rejection, or outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="83"/>
        <source>Hand-over to the police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="85"/>
        <source>Receiving unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="86"/>
        <source>Receipt or case number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="87"/>
        <source>Date (YYYY-MM-DD):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="88"/>
        <source>Handed over by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="93"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="94"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="95"/>
        <source>Record hand-over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="96"/>
        <source>Close with outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="97"/>
        <source>Export evidence package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="134"/>
        <source>URGENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="134"/>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="155"/>
        <source>No referral selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="163"/>
        <location filename="../../moderator_app/ui/referral_queue.py" line="175"/>
        <source>Select a referral first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="164"/>
        <source>Only a team lead can do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="165"/>
        <source>You created this referral: another lead must approve or reject it (four eyes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="167"/>
        <source>Only a referral pending approval can be approved or rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="172"/>
        <source>Only an approved referral can be handed over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="174"/>
        <source>Only a referral handed over to the police can be closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="195"/>
        <source>Approve the referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="196"/>
        <source>Approve {referral} for handing over to the police? This is recorded in the audit log under your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="215"/>
        <source>Folder for the evidence package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="232"/>
        <source>Evidence package written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralText</name>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16"/>
        <source>Pending approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="16"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="17"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="17"/>
        <source>Submitted to police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="18"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="24"/>
        <source>URGENT — threat to life or safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="25"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="25"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="26"/>
        <source>Remove the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="27"/>
        <source>Keep it visible for the investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="30"/>
        <source>Categories: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="31"/>
        <source>Legal basis: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="32"/>
        <source>Content: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="33"/>
        <source>Suspicion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="34"/>
        <source>Post {0} by {1} ({2}), published {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="38"/>
        <source>Evidence captured {0} by {1}; reports: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="43"/>
        <source>Rejected: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="46"/>
        <source>Handed over {0} to {1}, receipt {2}, by {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="49"/>
        <source>Outcome: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="50"/>
        <source>History:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_view.py" line="54"/>
        <source>Not applied (breaks the rules): {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsUi</name>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="242"/>
        <source>Referral &amp;queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="250"/>
        <source>&amp;Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="256"/>
        <source>Referral &amp;approvals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="290"/>
        <source>Referral &amp;approvals ({count} pending)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="293"/>
        <source>Urgent referrals: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="299"/>
        <source> — remove the post now with the Remove decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="318"/>
        <source>Police referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="319"/>
        <source>Referrals need the audit log, which this session does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/referral_queue.py" line="297"/>
        <source>Referral {0} sent for approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="149"/>
        <source>Queue not loaded ({error}); trying again in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="354"/>
        <source>This second review is no longer waiting for you: press F5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="393"/>
        <source>2nd review: {label} — recorded in {seconds} s (not sent to the platform). Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="396"/>
        <source>{label}{count} — sent in {seconds} s. Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/review.py" line="410"/>
        <source>{category} cannot be cited for this decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQualityPane</name>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="53"/>
        <source>Share of decisions re-queued blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="68"/>
        <source>Re-queue a sample now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="72"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="79"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="79"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="81"/>
        <source>Agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="80"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="82"/>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="80"/>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="82"/>
        <source>Agreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="81"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="86"/>
        <source>Disagreements (for the lead to settle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88"/>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="88"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="89"/>
        <source>Decision seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="169"/>
        <source>{count} decisions re-queued to a second moderator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="194"/>
        <source>Review quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="223"/>
        <source>{requested} re-queued, {reviewed} reviewed, {disagreements} disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="62"/>
        <source>of the decisions from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="65"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="89"/>
        <source>Third review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="95"/>
        <source>Ask a third moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="96"/>
        <source>Settle: the decision stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="98"/>
        <source>Settle: the review is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="143"/>
        <source>Select a disagreement to act on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="146"/>
        <source>A third review is waiting for {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="163"/>
        <source>The first day must not be after the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="179"/>
        <source>Third review requested from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="189"/>
        <source>Disagreement on {subject} settled (recorded in the audit log).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="208"/>
        <source>asked {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/lead/review_quality.py" line="93"/>
        <source>The post&apos;s events in the audit log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="112"/>
        <source>set by your administrator</source>
        <translation>set by your administrator</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="43"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="53"/>
        <source>System certificates (TLS is always verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="56"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="60"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="61"/>
        <source>Platform URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="62"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="63"/>
        <source>Language (after restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="64"/>
        <source>Posts claimed at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="65"/>
        <source>Undo window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="68"/>
        <source>Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="70"/>
        <source>Blur media until revealed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="74"/>
        <source> min (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="76"/>
        <source>Break reminder after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="79"/>
        <source>Decision shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="144"/>
        <source>Two decisions share a shortcut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/settings_dialog.py" line="146"/>
        <source>Digits and &apos;-&apos; are reserved for citing categories.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="48"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="52"/>
        <source>Outbox: 0 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="53"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="55"/>
        <location filename="../../moderator_app/ui/status.py" line="173"/>
        <source>No lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="56"/>
        <source>Decisions today: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="57"/>
        <source>High-severity seen: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="143"/>
        <source>Audit log check could not run: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="146"/>
        <source>Offline: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="151"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="151"/>
        <source>Offline — decisions are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="152"/>
        <source>Outbox: {0} pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="154"/>
        <source>, {0} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="158"/>
        <source>Decisions today: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="171"/>
        <source>Holding {0} posts · lease: {1} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="176"/>
        <source>High-severity seen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/status.py" line="181"/>
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
        <location filename="../../moderator_app/ui/suggestions_panel.py" line="46"/>
        <source>No suggestion: decide on the post itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyntheticBanner</name>
    <message>
        <location filename="../../moderator_app/ui/lead/synthetic_banner.py" line="23"/>
        <source>This log holds SYNTHETIC events (made by &quot;audit generate&quot; for demos and benchmarks, each marked &quot;synthetic&quot;: true): they are not real work.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../moderator_app/ui/errors.py" line="28"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="83"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="83"/>
        <source>Settings not loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
