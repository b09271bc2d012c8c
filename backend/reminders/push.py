"""Sending one Web Push message with pywebpush (aes128gcm, VAPID), and what its answer means."""
import base64
import hashlib
import json
import threading
import time
import urllib.request
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urlsplit

import requests
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

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


def classify(status: int, headers: dict | None = None, body: str = "") -> SendResult:
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


def http_session() -> requests.Session:
    """A requests session for sending. Proxy settings (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY) are read
    from the environment once here: by default requests rescans the whole environment on every
    message, which cost a fifth of each send. NO_PROXY does not apply (push services are public)."""
    session = requests.Session()
    session.trust_env = False
    session.proxies = {scheme: url for scheme, url in urllib.request.getproxies().items()
                       if scheme in ("http", "https", "all")}
    return session


def send(subscription: dict, payload: dict, *, signer: VapidSigner, ttl: int, urgency: str,
         topic: str, timeout: float, session: requests.Session | None = None) -> SendResult:
    """Sends one message (aes128gcm). A shared requests session keeps connections to the push
    service open between messages."""
    headers = {"Urgency": urgency, "Topic": topic, "Authorization": signer.header_for(subscription["endpoint"])}
    try:
        response = webpush(subscription, data=json.dumps(payload), content_encoding="aes128gcm", ttl=ttl,
                           timeout=timeout, headers=headers, requests_session=session)
    except WebPushException as exc:
        response = exc.response
        if response is None:
            return SendResult("retry", 0, None, str(exc)[:200])
        return classify(response.status_code, dict(response.headers), response.text)
    except requests.RequestException as exc:
        return SendResult("retry", 0, None, str(exc)[:200])
    return classify(response.status_code, dict(response.headers), response.text)
