"""The packing desk (打包贴单, issue 11 section 2; docs/packing.md): the warehouse scans the
dispatch note, checks each item, scans the label's waybill number, and the order is packed."""
