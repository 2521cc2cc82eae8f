"""Warehouse: dataset contracts, lake IO, reference data, SQL models, indicators, reports.

The lowest layer: it imports neither spiders nor nlp.
"""
