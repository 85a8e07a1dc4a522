"""Everything Qt: windows, dialogs, forms, table models and the worker helper."""
