import os

# Qt aborts without a display; every test runs offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests expect English whatever the machine's locale (tests of Spanish ask for it).
os.environ["JOURNEYMAP_LANG"] = "en"
