"""One QUndoCommand per kind of edit; each writes through to the document."""
