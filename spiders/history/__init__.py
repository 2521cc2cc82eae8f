"""What earlier crawls fetched: known URLs (a keyed index), and near-duplicate fingerprints across dates."""
