"""Lexicon data loading and matching."""
