"""The only package that imports PySide6. Widgets stay thin: they show what services return."""
