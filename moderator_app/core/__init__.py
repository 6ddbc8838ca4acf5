"""The domain: plain data and rules. Standard library only, so every layer can use it and tests run fast."""
