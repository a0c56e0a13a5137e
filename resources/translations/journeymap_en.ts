<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>InspectorDock</name>
    <message numerus="yes">
        <source>%n touchpoints selected</source>
        <translation>
            <numerusform>%n touchpoint selected</numerusform>
            <numerusform>%n touchpoints selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Edit %n touchpoints</source>
        <translation>
            <numerusform>Edit %n touchpoint</numerusform>
            <numerusform>Edit %n touchpoints</numerusform>
        </translation>
    </message>
</context>
</TS>
