"""Verifiable audit exports: a bundle folder (data files, completeness evidence, a signed manifest) and its
offline verifier. Imports the audit package and core only; composed in services/exports.py."""
