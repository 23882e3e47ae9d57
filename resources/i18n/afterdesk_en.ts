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
    <name>ExportShipmentsDialog</name>
    <message numerus="yes">
        <source>%n shipment(s) not yet exported</source>
        <translation>
            <numerusform>%n shipment not yet exported</numerusform>
            <numerusform>%n shipments not yet exported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shipment(s) written to {path}.</source>
        <translation>
            <numerusform>%n shipment written to {path}.</numerusform>
            <numerusform>%n shipments written to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message numerus="yes">
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n parcel</numerusform>
            <numerusform>%n parcels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message numerus="yes">
        <source>Conflicts (%n open)</source>
        <translation>
            <numerusform>Conflicts (%n open)</numerusform>
            <numerusform>Conflicts (%n open)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refused lines (%n)</source>
        <translation>
            <numerusform>Refused lines (%n)</numerusform>
            <numerusform>Refused lines (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %n order(s) came in. Import the same file again to bring in the rest.</source>
        <translation>
            <numerusform>Cancelled: %n order came in. Import the same file again to bring in the rest.</numerusform>
            <numerusform>Cancelled: %n orders came in. Import the same file again to bring in the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n order(s) read.</source>
        <translation>
            <numerusform>Imported: %n order read.</numerusform>
            <numerusform>Imported: %n orders read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused line(s) saved to {path}: fix them and import that file.</source>
        <translation>
            <numerusform>%n refused line saved to {path}: fix it and import that file.</numerusform>
            <numerusform>%n refused lines saved to {path}: fix them and import that file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MissingWaybillsDialog</name>
    <message numerus="yes">
        <source>%n order(s) of this batch have no courier or no waybill number: their shipping label would carry none. Print a packing label for them instead (marked “打包标签 — 非快递面单”, not a shipping label), or hold them back until their numbers are loaded, imported or typed in?</source>
        <translation>
            <numerusform>%n order of this batch has no courier or no waybill number: its shipping label would carry none. Print a packing label for it instead (marked “打包标签 — 非快递面单”, not a shipping label), or hold it back until its number is loaded, imported or typed in?</numerusform>
            <numerusform>%n orders of this batch have no courier or no waybill number: their shipping labels would carry none. Print packing labels for them instead (marked “打包标签 — 非快递面单”, not a shipping label), or hold them back until their numbers are loaded, imported or typed in?</numerusform>
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
<context>
    <name>TrendListDialog</name>
    <message numerus="yes">
        <source>%n counted.</source>
        <translation>
            <numerusform>%n counted.</numerusform>
            <numerusform>%n counted.</numerusform>
        </translation>
    </message>
</context>
</TS>
