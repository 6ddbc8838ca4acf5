"""The flagged-queue panel: an id-list table model, its filter, and the panel widget."""
