"""Article 10 suggestions: normalisation, lexicons, report signals, near-duplicates, a team-learned model."""
