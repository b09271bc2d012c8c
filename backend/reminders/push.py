"""Sending Web Push messages with pywebpush (aes128gcm, VAPID), and what each answer means."""
import asyncio
import base64
import hashlib
import json
import queue
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urlsplit

import aiohttp
from py_vapid import Vapid
from pywebpush import WebPusher, WebPushException

ML_PER_FL_OZ = 29.5735
TITLES = {
    "hydration": ("Time for some water", "A glass now keeps you on track for today."),
    "wind_down": ("Time to wind down", "Bedtime is coming up. A few slow breaths can help you settle."),
    "caffeine_cutoff": ("Last call for caffeine", "Caffeine after now may still be in your body at bedtime."),
    "breathing": ("A few minutes of calm", "Your daily breathing exercise is waiting."),
    "checkin": ("Evening check-in", "How were your muscles today? Log any twitches in a few taps."),
    "test": ("Reminders are working", "This is a test reminder from Steady."),
}
OPEN_URL = {"hydration": "/log/water", "wind_down": "/breathe", "caffeine_cutoff": "/",
            "breathing": "/breathe", "checkin": "/log/twitch", "test": "/reminders"}


@dataclass(frozen=True)
class SendResult:
    outcome: str  # ok | gone | retry | failed
    status: int
    retry_after: int | None = None
    detail: str = ""


def vapid_from_pem(pem: str) -> Vapid:
    return Vapid.from_pem(pem.encode())


def topic_for(occurrence_key: str) -> str:
    """A Topic header (at most 32 URL-safe characters) per occurrence: a resent copy of the same
    occurrence replaces the undelivered one at the push service instead of arriving twice."""
    digest = hashlib.sha256(occurrence_key.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:32]


def build_payload(kind: str, occurrence_key: str, *, units: str = "metric", usual_water_ml: int = 250) -> dict:
    title, body = TITLES[kind]
    actions = []
    if kind == "hydration":
        label = f"+{round(usual_water_ml / ML_PER_FL_OZ)} fl oz" if units == "us" else f"+{usual_water_ml} mL"
        actions.append({"action": "log-water", "title": label})
    if kind != "test":
        actions.append({"action": "snooze", "title": "Snooze 30 min"})
    return {"kind": kind, "title": title, "body": body, "tag": f"steady-{kind}", "url": OPEN_URL[kind],
            "actions": actions, "occurrence_key": occurrence_key, "water_ml": usual_water_ml}


def _retry_after(value: str | None) -> int | None:
    if not value:
        return None
    if value.strip().isdigit():
        return int(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0, int((when - datetime.now(timezone.utc)).total_seconds()))


def classify(status: int, headers: Mapping[str, str] | None = None, body: str = "") -> SendResult:
    headers = headers or {}
    if status in (200, 201, 202):
        return SendResult("ok", status)
    if status in (404, 410):
        return SendResult("gone", status, detail=body[:200])
    if status == 429 or status >= 500:
        return SendResult("retry", status, _retry_after(headers.get("Retry-After")), body[:200])
    return SendResult("failed", status, detail=body[:200])


class VapidSigner:
    """VAPID Authorization headers, one per push-service origin, reused until shortly before they
    expire (RFC 8292 allows reuse until exp), signed each time from a fresh copy of the claims."""

    LIFETIME = 12 * 3600

    def __init__(self, vapid: Vapid, claims: dict):
        self.vapid = vapid
        self.claims = claims
        self._headers: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def header_for(self, endpoint: str) -> str:
        parts = urlsplit(endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            cached = self._headers.get(origin)
            if cached and cached[0] - time.time() > 3600:
                return cached[1]
            expires = int(time.time()) + self.LIFETIME
            header = self.vapid.sign({**self.claims, "aud": origin, "exp": expires})["Authorization"]
            self._headers[origin] = (expires, header)
            return header


def proxy_for(endpoint: str, proxies: dict[str, str]) -> str | None:
    """The proxy to reach a push service through (None: connect directly), decided from proxy
    settings read once in the shape `urllib.request.getproxies()` gives them, NO_PROXY included."""
    parts = urlsplit(endpoint)
    if proxies.get("no") and urllib.request.proxy_bypass_environment(parts.hostname or "", proxies):
        return None
    return proxies.get(parts.scheme) or proxies.get("all")


@dataclass(frozen=True)
class Message:
    subscription: dict
    payload: dict
    ttl: int
    urgency: str
    topic: str


class PushSender:
    """Sends messages with pywebpush's aiohttp path on an event loop in a thread of its own: one
    thread keeps many messages in flight, at a third of the CPU a pool of threads spent per message
    (measured with bench/reminders_throughput.py), and the caller's thread stays free for database
    work, even where it already runs an event loop. At most `concurrency` requests run at once, so
    the timeout counts only a request's own time, never its wait for a free slot. Proxy settings
    (HTTPS_PROXY, ALL_PROXY, NO_PROXY) are read once; aiohttp's trust_env rescans them per message."""

    def __init__(self, signer: VapidSigner, *, timeout: float, concurrency: int):
        self.signer = signer
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.concurrency = concurrency
        self.proxies = {scheme: url for scheme, url in urllib.request.getproxies().items()
                        if scheme in ("http", "https", "all", "no")}
        self._sessions: dict[str | None, aiohttp.ClientSession] = {}  # one per proxy (None: direct)
        self._proxy_by_host: dict[str, str | None] = {}
        self._slots = asyncio.Semaphore(concurrency)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="push-sender", daemon=True)
        self._thread.start()

    def send_jobs(self, jobs: list[list[Message]]) -> Iterator[tuple[int, list[SendResult]]]:
        """Sends every job (one occurrence, to each of a person's devices) at once, and yields
        (job index, results in message order) in the caller's thread as each job completes.
        Leaving the loop early cancels the sends still under way."""
        done: queue.SimpleQueue = queue.SimpleQueue()

        async def send_job(index: int, messages: list[Message]):
            done.put((index, await asyncio.gather(*(self.send(m) for m in messages))))

        async def send_all():
            await asyncio.gather(*(send_job(index, messages) for index, messages in enumerate(jobs)))

        future = asyncio.run_coroutine_threadsafe(send_all(), self.loop)
        future.add_done_callback(lambda f: done.put(None) if f.cancelled() or f.exception() else None)
        try:
            for _ in jobs:
                item = done.get()
                if item is None:
                    raise future.exception() or RuntimeError("sending was cancelled")
                yield item
        finally:
            future.cancel()

    def _session(self, endpoint: str) -> aiohttp.ClientSession:
        host = urlsplit(endpoint).netloc
        if host not in self._proxy_by_host:
            self._proxy_by_host[host] = proxy_for(endpoint, self.proxies)
        proxy = self._proxy_by_host[host]
        if proxy not in self._sessions:
            self._sessions[proxy] = aiohttp.ClientSession(
                proxy=proxy, timeout=self.timeout, connector=aiohttp.TCPConnector(limit=self.concurrency))
        return self._sessions[proxy]

    async def send(self, message: Message) -> SendResult:
        endpoint = message.subscription["endpoint"]
        headers = {"Urgency": message.urgency, "Topic": message.topic,
                   "Authorization": self.signer.header_for(endpoint)}
        async with self._slots:
            try:
                pusher = WebPusher(message.subscription, aiohttp_session=self._session(endpoint))
                response = await pusher.send_async(json.dumps(message.payload), headers, ttl=message.ttl,
                                                   content_encoding="aes128gcm", timeout=self.timeout)
                body = await response.text()
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
                return SendResult("retry", 0, None, (str(exc) or type(exc).__name__)[:200])
            except (WebPushException, ValueError) as exc:  # keys that can never be encrypted to
                return SendResult("failed", 0, None, str(exc)[:200])
        return classify(response.status, response.headers, body)

    def close(self) -> None:
        async def close_sessions():
            for session in self._sessions.values():
                await session.close()
        asyncio.run_coroutine_threadsafe(close_sessions(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(30)
        self.loop.close()
