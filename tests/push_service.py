"""A push-service stand-in for tests (RFC 8030 / 8291 / 8292), run on 127.0.0.1.

It is what a browser's push service would be for the server: it checks the VAPID JWT (signature,
aud equal to its own origin, exp, sub), decrypts the aes128gcm body with the subscription's private
key, and answers 201, or whatever a test queued (404, 410, 429 with Retry-After, 500). Like a real
push service, a new message with the same Topic replaces one not yet delivered to the device."""
import base64
import json
import os
import threading
import time
from collections import defaultdict, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
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
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

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

    def _handler(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real push services allow

            def log_message(self, *args):
                pass

            def _reply(self, status, headers=None, body=b""):
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                sub_id = self.path.rsplit("/", 1)[-1]
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                subscription = service.subscriptions.get(sub_id)
                if subscription is None or not self.path.startswith("/push/"):
                    return self._reply(404, body=b"no such subscription")
                try:
                    claims = service.check_vapid(self.headers.get("Authorization", ""))
                except (PermissionError, KeyError, ValueError) as exc:
                    service.rejected.append(str(exc))
                    return self._reply(403, body=str(exc).encode())
                if self.headers.get("Content-Encoding") != "aes128gcm" or self.headers.get("TTL") is None:
                    service.rejected.append("missing Content-Encoding aes128gcm or TTL")
                    return self._reply(400, body=b"aes128gcm and TTL are required")
                try:
                    plain = http_ece.decrypt(body, private_key=subscription["key"],
                                             auth_secret=subscription["auth"], version="aes128gcm")
                    payload = json.loads(plain)
                except Exception as exc:  # noqa: BLE001 - any failure means the body is unreadable
                    service.rejected.append(f"undecryptable: {exc}")
                    return self._reply(400, body=b"cannot decrypt")
                if service.delay:
                    time.sleep(service.delay)
                with service.lock:
                    queued = service.answers[sub_id]
                    status, headers = queued.popleft() if queued else (201, {})
                    if status == 201:
                        message = {"subscription": sub_id, "payload": payload, "claims": claims,
                                   "ttl": self.headers.get("TTL"), "urgency": self.headers.get("Urgency"),
                                   "topic": self.headers.get("Topic")}
                        service.received.append(message)
                        waiting = service.undelivered[sub_id]
                        waiting[:] = [m for m in waiting if not message["topic"] or m["topic"] != message["topic"]]
                        waiting.append(message)
                return self._reply(status, headers)

        return Handler
