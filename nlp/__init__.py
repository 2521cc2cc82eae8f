"""Extraction of actors, commodities and markets, and places from documents (spaCy)."""
