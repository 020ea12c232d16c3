"""Screenshot each report in reports/ with headless Chromium, for docs/img/ and for review.

Usage: python tools/screenshots.py [--reports reports] [--out docs/img] [--width 1100] [--full]
Needs Playwright's Python package and Debian's chromium (/usr/bin/chromium); it never
downloads a browser.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", default="reports")
    parser.add_argument("--out", default="docs/img")
    parser.add_argument("--width", type=int, default=1100)
    parser.add_argument("--height", type=int, default=1400)
    parser.add_argument("--full", action="store_true", help="whole page instead of the first screen")
    parser.add_argument("--scroll-to", default=None, help="CSS selector of an element to put at the top of the screen")
    parser.add_argument("--nth", type=int, default=0, help="which match of --scroll-to (0 = first)")
    parser.add_argument("--suffix", default="", help="added to each PNG's name")
    parser.add_argument("names", nargs="*", help="report stems (default: all)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(Path(args.reports).glob("*.html"))
    if args.names:
        pages = [p for p in pages if p.stem in args.names]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        for report in pages:
            page.goto(report.resolve().as_uri())
            page.wait_for_selector(".main-svg", timeout=20000)
            page.wait_for_timeout(500)  # plotly's transitions
            if args.scroll_to:
                top = page.locator(args.scroll_to).nth(args.nth).evaluate("e => e.getBoundingClientRect().top + window.scrollY")
                page.evaluate(f"window.scrollTo(0, {max(0, top - 10)})")
            target = out / f"{report.stem}{args.suffix}.png"
            page.screenshot(path=str(target), full_page=args.full)
            print(target)
        browser.close()


if __name__ == "__main__":
    main()
