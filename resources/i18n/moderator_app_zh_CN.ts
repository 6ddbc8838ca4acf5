<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="45" />
        <source>Moderator Workstation</source>
        <translation>审核工作站</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="46" />
        <source>Moderator Workstation — demo</source>
        <translation>审核工作站 — 演示</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="51" />
        <source>Flagged queue</source>
        <translation>待审队列</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="51" />
        <source>No items loaded yet.</source>
        <translation>尚未加载条目。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52" />
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52" />
        <source>Select an item in the queue.</source>
        <translation>请在队列中选择一条。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="54" />
        <source>Suggestions (Article 10)</source>
        <translation>建议（第十条）</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="54" />
        <source>Suggestions appear here.</source>
        <translation>建议将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="67" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="69" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="75" />
        <source>&amp;Queue</source>
        <translation>队列(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="77" />
        <source>&amp;Decision</source>
        <translation>处置(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="81" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="82" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="84" />
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="93" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="95" />
        <source>Outbox: 0 pending</source>
        <translation>发件箱：0 条待发</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="97" />
        <source>No lease</source>
        <translation>未领取</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="99" />
        <source>Decisions today: 0</source>
        <translation>今日处置：0</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="109" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="110" />
        <source>Moderator Workstation {version}</source>
        <translation>审核工作站 {version}</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="40" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="40" />
        <source>Settings not loaded: {0}</source>
        <translation>设置未能加载：{0}</translation>
    </message>
</context>
</TS>