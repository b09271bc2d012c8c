"""A push-service stand-in for tests (RFC 8030 / 8291 / 8292), run on 127.0.0.1.

It is what a browser's push service would be for the server: it checks the VAPID JWT (signature,
aud equal to its own origin, exp, sub), decrypts the aes128gcm body with the subscription's private
key, and answers 201, or whatever a test queued (404, 410, 429 with Retry-After, 500). Like a real
push service, a new message with the same Topic replaces one not yet delivered to the device.
It serves HTTP/1.1 with keep-alive from an aiohttp event loop in a thread of its own."""
import asyncio
import base64
import json
import os
import socket
import threading
import time
from collections import defaultdict, deque

import http_ece
from aiohttp import web
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url_decode(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class PushServiceStandIn:
    def __init__(self):
        self.subscriptions = {}
        self.answers = defaultdict(deque)  # subscription id -> queued (status, headers)
        self.received = []  # every accepted message, in order
        self.undelivered = defaultdict(list)  # what a device would still get, with Topic replacement
        self.rejected = []
        self.delay = 0.0
        self.lock = threading.Lock()
        self.verified = {}  # Authorization header -> its checked claims (a sender reuses one header)
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.origin = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self._ready = threading.Event()

    def start(self):
        self.thread.start()
        self._ready.wait(10)
        return self

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    def _serve(self):
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        app.router.add_post("/push/{sub_id}", self._receive)
        runner = web.AppRunner(app, access_log=None)
        self.loop.run_until_complete(runner.setup())
        self.loop.run_until_complete(web.SockSite(runner, self.socket).start())
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(runner.cleanup())
        self.loop.close()

    def new_subscription(self) -> dict:
        key = ec.generate_private_key(ec.SECP256R1())
        auth = os.urandom(16)
        sub_id = b64url(os.urandom(9))
        self.subscriptions[sub_id] = {"key": key, "auth": auth}
        point = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": f"{self.origin}/push/{sub_id}", "keys": {"p256dh": b64url(point), "auth": b64url(auth)}}

    def answer_next(self, subscription: dict, status: int, headers: dict | None = None, times: int = 1):
        sub_id = subscription["endpoint"].rsplit("/", 1)[1]
        for _ in range(times):
            self.answers[sub_id].append((status, headers or {}))

    def messages_for(self, subscription: dict) -> list[dict]:
        sub_id = subscription["endpoint"].rsplit("/", 1)[1]
        return [m for m in self.received if m["subscription"] == sub_id]

    def deliver(self, subscription: dict) -> list[dict]:
        """What the device receives now (and no longer queued at the service)."""
        sub_id = subscription["endpoint"].rsplit("/", 1)[1]
        with self.lock:
            messages, self.undelivered[sub_id] = self.undelivered[sub_id], []
        return messages

    # --- protocol checks ---

    def check_vapid(self, header: str) -> dict:
        if not header.lower().startswith("vapid "):
            raise PermissionError("Authorization must use the vapid scheme")
        params = dict(part.strip().split("=", 1) for part in header[6:].split(","))
        token, public = params["t"], params["k"]
        head, body, signature = token.split(".")
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(public))
        raw = b64url_decode(signature)
        if len(raw) != 64:
            raise PermissionError("ES256 signature must be 64 bytes")
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        try:
            key.verify(der, f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            raise PermissionError("bad JWT signature")
        if json.loads(b64url_decode(head)).get("alg") != "ES256":
            raise PermissionError("JWT alg must be ES256")
        claims = json.loads(b64url_decode(body))
        if claims.get("aud") != self.origin:
            raise PermissionError(f"aud {claims.get('aud')!r} is not {self.origin}")
        if not (time.time() < claims.get("exp", 0) <= time.time() + 24 * 3600):
            raise PermissionError("exp missing, past, or more than 24 h ahead")
        if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
            raise PermissionError("sub must be a mailto: or https: URL")
        return claims

    def _claims(self, header: str) -> dict:
        """Checks a VAPID header, once per distinct header (its expiry on every use)."""
        claims = self.verified.get(header)
        if claims is None:
            claims = self.verified[header] = self.check_vapid(header)
        elif not time.time() < claims["exp"]:
            raise PermissionError("exp is past")
        return claims

    async def _receive(self, request: web.Request) -> web.Response:
        sub_id = request.match_info["sub_id"]
        body = await request.read()
        subscription = self.subscriptions.get(sub_id)
        if subscription is None:
            return web.Response(status=404, body=b"no such subscription")
        try:
            claims = self._claims(request.headers.get("Authorization", ""))
        except (PermissionError, KeyError, ValueError) as exc:
            self.rejected.append(str(exc))
            return web.Response(status=403, body=str(exc).encode())
        if request.headers.get("Content-Encoding") != "aes128gcm" or request.headers.get("TTL") is None:
            self.rejected.append("missing Content-Encoding aes128gcm or TTL")
            return web.Response(status=400, body=b"aes128gcm and TTL are required")
        try:
            plain = http_ece.decrypt(body, private_key=subscription["key"],
                                     auth_secret=subscription["auth"], version="aes128gcm")
            payload = json.loads(plain)
        except Exception as exc:  # noqa: BLE001 - any failure means the body is unreadable
            self.rejected.append(f"undecryptable: {exc}")
            return web.Response(status=400, body=b"cannot decrypt")
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            queued = self.answers[sub_id]
            status, headers = queued.popleft() if queued else (201, {})
            if status == 201:
                message = {"subscription": sub_id, "payload": payload, "claims": claims,
                           "ttl": request.headers.get("TTL"), "urgency": request.headers.get("Urgency"),
                           "topic": request.headers.get("Topic")}
                self.received.append(message)
                waiting = self.undelivered[sub_id]
                waiting[:] = [m for m in waiting if not message["topic"] or m["topic"] != message["topic"]]
                waiting.append(message)
        return web.Response(status=status, headers=headers)
