"""The team-lead console (issue 8): audit viewer, verify, export wizard, dashboard, review quality."""
