"""Scrapy settings for every ocwatch crawl: polite by default.

Per-source ``crawl:`` overrides in the registry are applied on top by
``crawl_settings`` (spiders/run.py); the Comtrade crawler imports this module too.
"""

from __future__ import annotations

BOT_NAME = "ocwatch"
SPIDER_MODULES = ["ocwatch.spiders.spiders"]
NEWSPIDER_MODULE = "ocwatch.spiders.spiders"
USER_AGENT = "ocwatch/0.1 (+https://github.com/ocwatch/ocwatch)"

# Politeness: robots.txt, a delay that AutoThrottle stretches when a site slows down,
# and at most two requests in flight per site.
ROBOTSTXT_OBEY = True
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.5
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Timeouts, retries with exponential backoff, and a ceiling on what one response may weigh.
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 20
# The address connected to is checked as the address asked for was (DNS rebinding).
TWISTED_DNS_RESOLVER = "ocwatch.spiders.resolver.PublicOnlyResolver"
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 408, 522, 524]
RETRY_BACKOFF_BASE = 2.0  # seconds before the first retry, doubled each time
RETRY_BACKOFF_MAX = 120.0
DOWNLOAD_MAXSIZE = 25 * 1024 * 1024
DOWNLOAD_WARNSIZE = 10 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
# A <meta http-equiv=refresh> is the page's own script-free redirect: a hostile page points it at
# javascript: (which fails the whole page) or elsewhere. The page we fetched is the document.
METAREFRESH_ENABLED = False

# Extraction runs in this many worker processes (spiders/documents/workers.py), never on the
# reactor thread: a hostile page must not stall the fetches and the other sources of the
# process. One is the default: bench_crawl measured no gain from 2 on a busy 2-CPU machine.
# Raise it (crawl: {workers: N}) for big crawls on idle multi-core workers. A page gets
# EXTRACT_TIMEOUT seconds and its worker EXTRACT_MEMORY_MB of address space.
EXTRACT_WORKERS = 1
EXTRACT_TIMEOUT = 20.0
EXTRACT_MEMORY_MB = 2048

# Only the web: with these handlers gone, a file:// or data: URL cannot be fetched even if a
# middleware were bypassed (PrivateAddressMiddleware refuses and logs them first).
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}

DOWNLOADER_MIDDLEWARES = {
    "ocwatch.spiders.middlewares.BudgetMiddleware": 55,
    "ocwatch.spiders.middlewares.PrivateAddressMiddleware": 60,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "ocwatch.spiders.robots.StrictRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "ocwatch.spiders.middlewares.BackoffRetryMiddleware": 550,
    "ocwatch.spiders.middlewares.OffsiteRedirectMiddleware": 610,
    "ocwatch.spiders.middlewares.TimingMiddleware": 950,
}
ITEM_PIPELINES = {"ocwatch.spiders.pipelines.LakePipeline": 300}

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
