"""Screenshots of the workbench's main pages for docs/img/, with Debian's chromium.

``python -m bench.web_screenshots URL USER PASSWORD [--out docs/img]`` logs in to a
running workbench (e.g. ``ocwatch serve`` on the demo warehouse) and saves one PNG
a page. Not a test: the browser test is tests/test_web_browser.py.
"""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

PAGES = {
    "workbench-home": "/",
    "workbench-trends": "/trends?market=non_renewable_resource_crimes&country=COD",
    "workbench-multiples": "/trends?market=non_renewable_resource_crimes",
    "workbench-map": "/map?market=non_renewable_resource_crimes",
    "workbench-evidence": "/evidence?market=non_renewable_resource_crimes&country=COD&week={week}",
    "workbench-search": "/search?q=gold+-football",
    "workbench-actor": "/actor?id=m23",
    "workbench-trade": "/trade",
    "workbench-source": "/source?id=kivu-monitor",
}


def main(argv: list[str] | None = None) -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    ap = argparse.ArgumentParser(prog="python -m bench.web_screenshots")
    ap.add_argument("url")
    ap.add_argument("user")
    ap.add_argument("password")
    ap.add_argument("--week", default="2026-W46")
    ap.add_argument("--out", type=Path, default=Path("docs/img"))
    args = ap.parse_args(argv)
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000"):
        opts.add_argument(arg)
    d = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
    try:
        d.get(args.url + "/login")
        d.find_element(By.ID, "user").send_keys(args.user)
        d.find_element(By.ID, "password").send_keys(args.password)
        d.find_element(By.ID, "login").click()
        args.out.mkdir(parents=True, exist_ok=True)
        for name, path in PAGES.items():
            d.get(args.url + path.format(week=args.week))
            time.sleep(1.5)  # charts and the map draw after load
            d.save_screenshot(str(args.out / f"{name}.png"))
            print(args.out / f"{name}.png")
    finally:
        d.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
