"""Police referrals (Article 7(8)): workflow states and evidence packages."""
