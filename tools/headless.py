#!/usr/bin/env python3
"""Open a local HTML page in headless Chromium and report what a reader's browser saw (stdlib only).

    python tools/headless.py REPORT.html [--screenshot OUT.png] [--width 1100]

Prints one JSON object: console errors and uncaught exceptions, any request
that left the machine, and what the page shows (`probe`: findings, charts).
The test suite uses it to check the HTML report; `make screenshot` uses it
for docs/report-example.png.

It talks to Chromium over the DevTools protocol on a pipe
(--remote-debugging-pipe: JSON messages ended by NUL on fds 3 and 4), so it
needs no websocket library and opens no port.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# What the page shows, read in the page: every finding element and every chart.
PROBE = """(() => {
  const shown = el => el.getClientRects().length > 0;
  const ids = new Set();
  document.querySelectorAll('[data-finding]').forEach(el => { if (shown(el)) ids.add(+el.dataset.finding); });
  document.querySelectorAll('[data-findings]').forEach(el => {
    if (shown(el)) el.dataset.findings.split(' ').forEach(i => ids.add(+i)); });
  const articles = [...document.querySelectorAll('article.finding')];
  return JSON.stringify({
    findings: [...ids].sort((a, b) => a - b),
    articles: articles.length,
    charts: document.querySelectorAll('svg.chart').length,
    charts_per_article: articles.map(a => a.querySelectorAll('svg.chart').length),
    chart_rows: [...document.querySelectorAll('svg.chart')].map(s => +s.dataset.rows),
    chart_marks: [...document.querySelectorAll('svg.chart')].map(s => s.querySelectorAll('.value').length),
    chart_sizes: [...document.querySelectorAll('svg.chart')].map(s => {
      const r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; }),
    height: document.documentElement.scrollHeight,
    title: document.title,
  });
})()"""


def find_browser() -> str | None:
    for name in (os.environ.get("FACTCHECK_CHROMIUM"), *BROWSERS):
        if name and (path := shutil.which(name)):
            return path
    return None


class Browser:
    """One headless Chromium, driven over the DevTools pipe."""

    def __init__(self, executable: str, timeout: float = 60.0):
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="factcheck-chromium-")
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()

        def wire() -> None:  # in the child: the protocol's fds 3 (in) and 4 (out)
            fd_in, fd_out = os.dup(to_child), os.dup(from_child)  # out of the way of 3 and 4
            os.dup2(fd_in, 3)
            os.dup2(fd_out, 4)

        args = [executable, "--headless", "--remote-debugging-pipe", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--disable-background-networking", "--disable-component-update",
                f"--user-data-dir={self._profile}", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to sandbox as root
        self._proc = subprocess.Popen(args, preexec_fn=wire, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      close_fds=True, pass_fds=(3, 4))  # kept open after wire()
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._write, self._read):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send(self, method: str, session: str | None = None, **params) -> dict:
        self._next_id += 1
        msg = {"id": self._next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._write, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._receive()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def _receive(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)


def inspect(page: Path, screenshot: Path | None = None, width: int = 1100,
            executable: str | None = None, element: str | None = None,
            media: str = "screen") -> dict:
    """Load `page`; return errors, outside requests and the probe's answer (and save a PNG)."""
    executable = executable or find_browser()
    if executable is None:
        raise FileNotFoundError("no Chromium found (apt-get install chromium)")
    with Browser(executable) as b:
        target = next(t for t in b.send("Target.getTargets")["targetInfos"] if t["type"] == "page")
        s = b.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            b.send(f"{domain}.enable", session=s)
        b.send("Emulation.setDeviceMetricsOverride", session=s, width=width, height=900,
               deviceScaleFactor=1, mobile=False)
        b.send("Emulation.setEmulatedMedia", session=s, media=media)  # "print": as printed
        b.send("Page.navigate", session=s, url=page.resolve().as_uri())
        b.wait_for("Page.loadEventFired")
        probe = json.loads(b.send("Runtime.evaluate", session=s, expression=PROBE,
                                  returnByValue=True)["result"]["value"])
        if screenshot is not None:
            b.send("Emulation.setDeviceMetricsOverride", session=s, width=width,
                   height=probe["height"], deviceScaleFactor=1, mobile=False)
            clip = {}
            if element:  # only that element of the page, e.g. "#finding-3"
                box = b.send("Runtime.evaluate", session=s, returnByValue=True, expression=(
                    f"(() => {{ const r = document.querySelector({json.dumps(element)})"
                    ".getBoundingClientRect(); return [r.x, r.y + scrollY, r.width, r.height]; })()"
                ))["result"].get("value")
                if box is None:
                    raise RuntimeError(f"no element {element!r} on the page")
                clip = {"clip": dict(zip(("x", "y", "width", "height"), box), scale=1)}
            shot = b.send("Page.captureScreenshot", session=s, format="png", **clip)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        b.send("Runtime.evaluate", session=s, expression="0")  # flush late console events
        return {"errors": _errors(b.events), "requests": _outside(b.events), "probe": probe}


def _errors(events: list[dict]) -> list[str]:
    out = []
    for e in events:
        p = e.get("params", {})
        if e.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p["args"]))
        elif e.get("method") == "Runtime.exceptionThrown":
            out.append(p["exceptionDetails"].get("text", "exception"))
        elif e.get("method") == "Log.entryAdded" and p["entry"]["level"] == "error":
            out.append(p["entry"]["text"])
    return out


def _outside(events: list[dict]) -> list[str]:
    """Requests for anything but the page itself and inline data."""
    return [e["params"]["request"]["url"] for e in events
            if e.get("method") == "Network.requestWillBeSent"
            and not e["params"]["request"]["url"].startswith(("file:", "data:", "about:"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path)
    ap.add_argument("--screenshot", type=Path)
    ap.add_argument("--width", type=int, default=1100)
    ap.add_argument("--element", metavar="SELECTOR", help="screenshot only this element")
    ap.add_argument("--print", action="store_true", help="lay the page out as it prints")
    args = ap.parse_args(argv)
    try:
        result = inspect(args.page, args.screenshot, args.width, element=args.element,
                         media="print" if args.print else "screen")
    except (FileNotFoundError, RuntimeError, TimeoutError) as exc:
        print(f"headless: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 1 if result["errors"] or result["requests"] else 0


if __name__ == "__main__":
    sys.exit(main())
