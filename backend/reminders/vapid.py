"""VAPID keys for Web Push: made on first use and kept in the instance folder (mode 0600), or
taken from VAPID_PRIVATE_KEY (PEM). The public key is given to browsers in the form
PushManager.subscribe() expects (uncompressed P-256 point, base64url)."""
import base64
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

FILE_NAME = "vapid_private.pem"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class VapidKeys:
    def __init__(self, instance_dir: str | Path):
        self.path = Path(instance_dir) / FILE_NAME

    def _pem(self) -> bytes:
        from_env = os.environ.get("VAPID_PRIVATE_KEY")
        if from_env:
            return from_env.replace("\\n", "\n").encode()
        if not self.path.exists():
            self._write(ec.generate_private_key(ec.SECP256R1()))
        return self.path.read_bytes()

    def _write(self, key) -> None:
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        os.replace(temporary, self.path)

    def private_key(self):
        return serialization.load_pem_private_key(self._pem(), password=None)

    def private_pem(self) -> str:
        return self._pem().decode()

    def public_key(self) -> str:
        point = self.private_key().public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        return _b64url(point)

    def rotate(self) -> str:
        """A new key pair (the old file kept as .bak). Browsers must subscribe again afterwards."""
        if self.path.exists():
            os.replace(self.path, self.path.with_suffix(".pem.bak"))
        self._write(ec.generate_private_key(ec.SECP256R1()))
        return self.public_key()


def subject() -> str:
    return os.environ.get("VAPID_SUBJECT", "mailto:admin@localhost")
