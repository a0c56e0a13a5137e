<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>Edit %n touchpoints</source>
        <translation>
            <numerusform>Edit %n touchpoint</numerusform>
            <numerusform>Edit %n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n touchpoints</source>
        <translation>
            <numerusform>Add touchpoint</numerusform>
            <numerusform>Add %n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n touchpoints</source>
        <translation>
            <numerusform>Delete touchpoint</numerusform>
            <numerusform>Delete %n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n touchpoints</source>
        <translation>
            <numerusform>Move touchpoint</numerusform>
            <numerusform>Move %n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n touchpoint</numerusform>
            <numerusform>%n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the stage “%1” and its %n cards?</source>
        <translation>
            <numerusform>Delete the stage “%1” and its card?</numerusform>
            <numerusform>Delete the stage “%1” and its %n cards?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the lane “%1” and its %n cards?</source>
        <translation>
            <numerusform>Delete the lane “%1” and its card?</numerusform>
            <numerusform>Delete the lane “%1” and its %n cards?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the map “%1” and its %n touchpoints?

You can undo this.</source>
        <translation>
            <numerusform>Delete the map “%1” and its touchpoint?

You can undo this.</numerusform>
            <numerusform>Delete the map “%1” and its %n touchpoints?

You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” is assigned to %n map(s). Delete it from all of them?</source>
        <translation>
            <numerusform>“%1” is assigned to %n map. Delete it?</numerusform>
            <numerusform>“%1” is assigned to %n maps. Delete it from all of them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln cards match</source>
        <translation>
            <numerusform>%1 of %Ln card matches</numerusform>
            <numerusform>%1 of %Ln cards match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln touchpoints</source>
        <translation>
            <numerusform>%Ln touchpoint</numerusform>
            <numerusform>%Ln touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stages</source>
        <translation>
            <numerusform>%Ln stage</numerusform>
            <numerusform>%Ln stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lanes</source>
        <translation>
            <numerusform>%Ln lane</numerusform>
            <numerusform>%Ln lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln note</numerusform>
            <numerusform>%Ln notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln photos</source>
        <translation>
            <numerusform>%Ln photo</numerusform>
            <numerusform>%Ln photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln personas</source>
        <translation>
            <numerusform>%Ln persona</numerusform>
            <numerusform>%Ln personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln connections</source>
        <translation>
            <numerusform>%Ln connection</numerusform>
            <numerusform>%Ln connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln import batches</source>
        <translation>
            <numerusform>%Ln import batch</numerusform>
            <numerusform>%Ln import batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event logs</source>
        <translation>
            <numerusform>%Ln event log</numerusform>
            <numerusform>%Ln event logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln maps</source>
        <translation>
            <numerusform>%Ln map</numerusform>
            <numerusform>%Ln maps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln pinned quotes</source>
        <translation>
            <numerusform>%Ln pinned quote</numerusform>
            <numerusform>%Ln pinned quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln persona assignments</source>
        <translation>
            <numerusform>%Ln persona assignment</numerusform>
            <numerusform>%Ln persona assignments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln responses)</source>
        <translation>
            <numerusform>%1 (%Ln response)</numerusform>
            <numerusform>%1 (%Ln responses)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln events)</source>
        <translation>
            <numerusform>%1 (%Ln event)</numerusform>
            <numerusform>%1 (%Ln events)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts to decide below</source>
        <translation>
            <numerusform>%n conflict to decide below</numerusform>
            <numerusform>%n conflicts to decide below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletions proposed (none is applied unless you tick it)</source>
        <translation>
            <numerusform>%n deletion proposed (not applied unless you tick it)</numerusform>
            <numerusform>%n deletions proposed (none is applied unless you tick it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln left out: added to a card, stage or lane this document no longer has</source>
        <translation>
            <numerusform>%Ln left out: added to a card, stage or lane this document no longer has</numerusform>
            <numerusform>%Ln left out: added to cards, stages or lanes this document no longer has</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln responses</source>
        <translation>
            <numerusform>%Ln response</numerusform>
            <numerusform>%Ln responses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept as they were here</source>
        <translation>
            <numerusform>%Ln kept as it was here</numerusform>
            <numerusform>%Ln kept as they were here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln taken from the copy</source>
        <translation>
            <numerusform>%Ln taken from the copy</numerusform>
            <numerusform>%Ln taken from the copy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes kept in both versions</source>
        <translation>
            <numerusform>%Ln note kept in both versions</numerusform>
            <numerusform>%Ln notes kept in both versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln applied</source>
        <comment>a deletion</comment>
        <translation>
            <numerusform>%Ln applied</numerusform>
            <numerusform>%Ln applied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept</source>
        <comment>a deletion not applied</comment>
        <translation>
            <numerusform>%Ln kept</numerusform>
            <numerusform>%Ln kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cards</source>
        <translation>
            <numerusform>%Ln card</numerusform>
            <numerusform>%Ln cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints</source>
        <translation>
            <numerusform>%n touchpoint</numerusform>
            <numerusform>%n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows rejected</source>
        <translation>
            <numerusform>%n row rejected</numerusform>
            <numerusform>%n rows rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n events</source>
        <translation>
            <numerusform>Imported %n event</numerusform>
            <numerusform>Imported %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n customers</source>
        <translation>
            <numerusform>of %n customer</numerusform>
            <numerusform>of %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new cards</source>
        <translation>
            <numerusform>%n new card</numerusform>
            <numerusform>%n new cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln survey responses copied in.</source>
        <translation>
            <numerusform>%Ln survey response copied in.</numerusform>
            <numerusform>%Ln survey responses copied in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln responses left out: their cards are not in this document.</source>
        <translation>
            <numerusform>%Ln response left out: its card is not in this document.</numerusform>
            <numerusform>%Ln responses left out: their cards are not in this document.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events copied in.</source>
        <translation>
            <numerusform>%Ln event copied in.</numerusform>
            <numerusform>%Ln events copied in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln events left out: their cards are not in this document.</source>
        <translation>
            <numerusform>%Ln event left out: its card is not in this document.</numerusform>
            <numerusform>%Ln events left out: their cards are not in this document.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AnalyticsDock</name>
    <message numerus="yes">
        <source>Draw all %Ln touchpoints, not only the best and the worst %1</source>
        <translation>
            <numerusform>Draw %Ln touchpoint, not only the best and the worst %1</numerusform>
            <numerusform>Draw all %Ln touchpoints, not only the best and the worst %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommentsDock</name>
    <message numerus="yes">
        <source>%n comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n comment mentions “%1”</numerusform>
            <numerusform>%n comments mention “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detractor comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n detractor comment mentions “%1”</numerusform>
            <numerusform>%n detractor comments mention “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passive comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n passive comment mentions “%1”</numerusform>
            <numerusform>%n passive comments mention “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promoter comment(s) mention “%1”</source>
        <translation>
            <numerusform>%n promoter comment mentions “%1”</numerusform>
            <numerusform>%n promoter comments mention “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n detractor comment(s)</source>
        <translation>
            <numerusform>%n detractor comment</numerusform>
            <numerusform>%n detractor comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passive comment(s)</source>
        <translation>
            <numerusform>%n passive comment</numerusform>
            <numerusform>%n passive comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n promoter comment(s)</source>
        <translation>
            <numerusform>%n promoter comment</numerusform>
            <numerusform>%n promoter comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonTexts</name>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>From the first %Ln rows.</source>
        <translation>
            <numerusform>From the first row.</numerusform>
            <numerusform>From the first %Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overall NPS: %1 (%Ln answers).</source>
        <translation>
            <numerusform>Overall NPS: %1 (%Ln answer).</numerusform>
            <numerusform>Overall NPS: %1 (%Ln answers).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n response</numerusform>
            <numerusform>%n responses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <source>%Ln rows rejected</source>
        <translation>
            <numerusform>%Ln row rejected</numerusform>
            <numerusform>%Ln rows rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln responses from %1</source>
        <translation>
            <numerusform>Imported %Ln response from %1</numerusform>
            <numerusform>Imported %Ln responses from %1</numerusform>
        </translation>
    </message>
</context>
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
        <source>From %n survey responses; they take precedence over manual values.</source>
        <translation>
            <numerusform>From %n survey response; it takes precedence over manual values.</numerusform>
            <numerusform>From %n survey responses; they take precedence over manual values.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeTexts</name>
    <message numerus="yes">
        <source>%n touchpoint(s)</source>
        <translation>
            <numerusform>%n touchpoint</numerusform>
            <numerusform>%n touchpoints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lane(s)</source>
        <translation>
            <numerusform>%n lane</numerusform>
            <numerusform>%n lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona assignment(s)</source>
        <translation>
            <numerusform>%n persona assignment</numerusform>
            <numerusform>%n persona assignments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n import batch(es)</source>
        <translation>
            <numerusform>%n import batch</numerusform>
            <numerusform>%n import batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event log(s)</source>
        <translation>
            <numerusform>%n event log</numerusform>
            <numerusform>%n event logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n map(s)</source>
        <translation>
            <numerusform>%n map</numerusform>
            <numerusform>%n maps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pinned quote(s)</source>
        <translation>
            <numerusform>%n pinned quote</numerusform>
            <numerusform>%n pinned quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s) proposed</source>
        <translation>
            <numerusform>%n deletion proposed</numerusform>
            <numerusform>%n deletions proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n response(s)</source>
        <translation>
            <numerusform>%n response</numerusform>
            <numerusform>%n responses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out (added to a card, stage or lane MASTER no longer has)</source>
        <translation>
            <numerusform>%n left out (added to a card, stage or lane MASTER no longer has)</numerusform>
            <numerusform>%n left out (added to cards, stages or lanes MASTER no longer has)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message numerus="yes">
        <source>%n stages</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lanes</source>
        <translation>
            <numerusform>%n lane</numerusform>
            <numerusform>%n lanes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n touchpoints</source>
        <translation>
            <numerusform>%n touchpoint</numerusform>
            <numerusform>%n touchpoints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelationTexts</name>
    <message numerus="yes">
        <source>Delete %n connection(s)</source>
        <translation>
            <numerusform>Delete %n connection</numerusform>
            <numerusform>Delete %n connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WalkMode</name>
    <message numerus="yes">
        <source>%n answer(s): %2 promoters, %3 passives, %4 detractors — NPS %5</source>
        <translation>
            <numerusform>%n answer: %2 promoters, %3 passives, %4 detractors — NPS %5</numerusform>
            <numerusform>%n answers: %2 promoters, %3 passives, %4 detractors — NPS %5</numerusform>
        </translation>
    </message>
</context>
</TS>
