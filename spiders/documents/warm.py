"""Imported once by the extraction workers' fork server: loads what extraction loads lazily.

py3langid reads its model and trafilatura builds its tables on first use, which costs a
second or more; done here, before the workers fork, every worker starts warm and a page's
time bound measures the page, not the start-up.
"""

from __future__ import annotations

from ocwatch.spiders.documents.parse import detect_language, extract_html

_PAGE = ("<html><head><title>warm</title></head><body><article><p>"
         + "Gold left Ituri for Kampala through the border posts. " * 5 + "</p></article></body></html>")

detect_language("Gold left Ituri for Kampala through the border posts.")
extract_html(_PAGE, "http://warm.invalid/")
