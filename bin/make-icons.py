#!/usr/bin/env python3
"""Draws Steady's app icons (PNG, no image library needed) into frontend/icons/.

The mark is a calm pulse line on the brand teal. "any" icons have rounded corners; maskable icons
fill the whole square and keep the mark inside the central safe zone.
"""
import math
import struct
import zlib
from pathlib import Path

TEAL = (31, 111, 120)
WHITE = (255, 255, 255)
# The pulse line, in a 32x32 design grid (same path as icon.svg).
POINTS = [(3, 17), (9, 17), (12, 10), (17, 24), (21, 15), (29, 15)]
OUT = Path(__file__).resolve().parent.parent / "frontend" / "icons"


def _segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def draw(size: int, *, maskable: bool, opaque: bool) -> bytes:
    scale = 0.62 if maskable else 0.8  # mark size relative to the icon
    offset = size * (1 - scale) / 2
    points = [(offset + x / 32 * size * scale, offset + y / 32 * size * scale) for x, y in POINTS]
    stroke = size * scale * 3 / 32 / 2
    radius = 0 if (maskable or opaque) else size * 0.22
    rows = []
    samples = ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            inside = mark = 0
            for sx, sy in samples:
                px, py = x + sx, y + sy
                cx = min(max(px, radius), size - radius)
                cy = min(max(py, radius), size - radius)
                if radius == 0 or math.hypot(px - cx, py - cy) <= radius:
                    inside += 1
                    if min(_segment_distance(px, py, *a, *b) for a, b in zip(points, points[1:])) <= stroke:
                        mark += 1
            a = mark / 4
            color = [round(TEAL[i] * (1 - a) + WHITE[i] * a) for i in range(3)]
            row += bytes(color + [round(255 * inside / 4)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable, opaque in [
        ("icon-192.png", 192, False, False), ("icon-512.png", 512, False, False),
        ("maskable-192.png", 192, True, True), ("maskable-512.png", 512, True, True),
        ("apple-touch-icon.png", 180, False, True), ("favicon.png", 48, False, False),
    ]:
        (OUT / name).write_bytes(draw(size, maskable=maskable, opaque=opaque))
        print("wrote", name)
