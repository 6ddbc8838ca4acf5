"""The reference platform server (FastAPI) and its deterministic demo data."""
