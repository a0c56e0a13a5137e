"""Qt layer: scene items, undo commands, docks, dialogs, main window."""
