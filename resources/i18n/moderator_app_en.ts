<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="45"/>
        <source>Moderator Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="46"/>
        <source>Moderator Workstation — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="51"/>
        <source>Flagged queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="51"/>
        <source>No items loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52"/>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="52"/>
        <source>Select an item in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="54"/>
        <source>Suggestions (Article 10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="54"/>
        <source>Suggestions appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="67"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="69"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="75"/>
        <source>&amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="77"/>
        <source>&amp;Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="81"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="82"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="84"/>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="93"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="95"/>
        <source>Outbox: 0 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="97"/>
        <source>No lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="99"/>
        <source>Decisions today: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="109"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/main_window.py" line="110"/>
        <source>Moderator Workstation {version}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="40"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../moderator_app/ui/app.py" line="40"/>
        <source>Settings not loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
