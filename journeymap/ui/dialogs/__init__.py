"""Dialogs: import wizard, import history, export."""
