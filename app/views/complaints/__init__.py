"""Complaints (投诉) and disputes (维权): the page, the complaint and dispute dialogs."""
