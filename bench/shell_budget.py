"""The app shell's budgets: first-load size and requests, repeat visit from the service worker,
and Lighthouse's mobile scores, against the figures of a self-hosted habit tracker measured on
this kind of machine (677 KB in 25 requests, performance 87, no offline start).

Run: .venv/bin/python bench/shell_budget.py   (Lighthouse is installed into bench/.tools
with npm on first use and run against Debian's Chromium through CHROME_PATH.)
"""
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CHROMIUM, CHROMIUM_ARGS, running_server  # noqa: E402

BENCH = Path(__file__).resolve().parent
REFERENCE = {"bytes": 677_000, "requests": 25, "performance": 87}
BUDGET = {"bytes": 60_000, "requests": 15, "performance": 98, "accessibility": 100}


def first_and_repeat_visit(url: str) -> dict:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        sizes: dict[str, int] = {}
        urls: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
        page.goto(url + "/", wait_until="networkidle")
        # The shell is everything but live API data (which is reported beside it).
        shell = {r: n for r, n in sizes.items() if "/api/" not in urls[r]}
        first = {"requests": len(shell), "bytes": sum(shell.values()),
                 "api_requests": len(sizes) - len(shell), "api_bytes": sum(sizes.values()) - sum(shell.values()),
                 "urls": sorted(urls[r].replace(url, "") for r in sizes)}
        page.evaluate("""async () => {
            await navigator.serviceWorker.ready;
            if (!navigator.serviceWorker.controller) await new Promise((r) =>
                navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
        }""")
        from_network = []
        page.on("response", lambda r: None if r.from_service_worker else from_network.append(r.url))
        page.reload(wait_until="networkidle")
        # Live data (the API) is meant to come from the network; the shell must not.
        repeat = [u.replace(url, "") for u in from_network
                  if not u.endswith("/service-worker.js") and "/api/" not in u]
        browser.close()
    return {"first": first, "repeat_from_network": repeat}


def lighthouse(url: str) -> dict:
    tools = BENCH / ".tools"
    binary = tools / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        tools.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(tools), "--no-save", "--no-audit", "--no-fund",
                        "--silent", "lighthouse@12"], check=True)
    out = BENCH / "results" / "lighthouse.json"
    out.parent.mkdir(exist_ok=True)
    flags = " ".join(["--headless=new"] + CHROMIUM_ARGS)
    subprocess.run([str(binary), url + "/", "--quiet", "--form-factor=mobile",
                    "--only-categories=performance,accessibility,best-practices",
                    "--output=json", f"--output-path={out}", f"--chrome-flags={flags}"],
                   env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    report = json.loads(out.read_text())
    return {name: round(cat["score"] * 100) for name, cat in report["categories"].items()}


def lighthouse_median(url: str, runs: int = 3) -> dict:
    """Lighthouse's own advice for noisy machines: several runs, the median of each score."""
    results = [lighthouse(url) for _ in range(runs)]
    return {name: statistics.median(r[name] for r in results) for name in results[0]}


def main():
    with running_server() as url:
        visit = first_and_repeat_visit(url)
        scores = lighthouse_median(url)
    first = visit["first"]
    print(f"first load of the shell: {first['bytes'] / 1000:.1f} KB in {first['requests']} requests "
          f"(plus {first['api_requests']} API data requests, {first['api_bytes'] / 1000:.1f} KB)")
    print(f"  vs budget (60 KB, 15): {first['bytes'] / BUDGET['bytes']:.2f}x size, "
          f"{first['requests'] / BUDGET['requests']:.2f}x requests")
    print(f"  vs reference tracker (677 KB, 25): {first['bytes'] / REFERENCE['bytes']:.3f}x size, "
          f"{first['requests'] / REFERENCE['requests']:.2f}x requests")
    print(f"repeat visit: {len(visit['repeat_from_network'])} requests reached the network "
          f"(besides live API data and the worker's own update check): {visit['repeat_from_network']}")
    print(f"lighthouse (mobile), median of 3 runs: {scores}")
    print(f"  performance vs reference 87: {scores['performance'] / REFERENCE['performance']:.2f}x")
    ok = (first["bytes"] < BUDGET["bytes"] and first["requests"] < BUDGET["requests"]
          and scores["performance"] >= BUDGET["performance"] and scores["accessibility"] >= 100
          and not visit["repeat_from_network"])
    print("budgets met" if ok else "BUDGET MISSED")
    print("requests of the first load:", ", ".join(first["urls"]))


if __name__ == "__main__":
    main()
