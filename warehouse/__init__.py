"""The DuckDB warehouse: load the lake, run the SQL models (incrementally), build and swap, query, dictionary.

It reads the lake and the reference data and imports no other stage.
"""
