"""UN Comtrade trade statistics: API pulls (a Scrapy spider), bulk-file import, field mapping.

Entry point: ``python -m ocwatch.trade --date D --lake L --raw R --url URL``
(see cli.py). Importing this package imports neither Scrapy nor pandas.
"""
