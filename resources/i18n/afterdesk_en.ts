<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CaseDetailView</name>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <source>%n order(s) found.</source>
        <translation>
            <numerusform>%n order found.</numerusform>
            <numerusform>%n orders found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Newest first: %n order(s) loaded; scroll for more.</source>
        <translation>
            <numerusform>Newest first: %n order loaded; scroll for more.</numerusform>
            <numerusform>Newest first: %n orders loaded; scroll for more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s).</source>
        <translation>
            <numerusform>%n order.</numerusform>
            <numerusform>%n orders.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message numerus="yes">
        <source>Preparing %n photo(s)…</source>
        <translation>
            <numerusform>Preparing %n photo…</numerusform>
            <numerusform>Preparing %n photos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message numerus="yes">
        <source>Batches (%n without PDF)</source>
        <translation>
            <numerusform>Batches (%n without PDF)</numerusform>
            <numerusform>Batches (%n without PDF)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recorded batch(es) have no PDF on this PC (the program stopped before the file was put in place). On the Batches tab choose the batch and press Reprint… to put its PDF in place.</source>
        <translation>
            <numerusform>%n recorded batch has no PDF on this PC (the program stopped before the file was put in place). On the Batches tab choose the batch and press Reprint… to put its PDF in place.</numerusform>
            <numerusform>%n recorded batches have no PDF on this PC (the program stopped before the file was put in place). On the Batches tab choose the batch and press Reprint… to put its PDF in place.</numerusform>
        </translation>
    </message>
</context>
</TS>
