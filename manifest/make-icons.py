#!/usr/bin/env python3
"""Draws the app's two icons with the standard library only (zlib + struct), so they can be
regenerated on any machine: color.png 192x192 (white clock on the accent colour) and
outline.png 32x32 (the same clock, white on transparent, as Teams requires)."""
import math
import struct
import zlib
from pathlib import Path

ACCENT = (0x1F, 0x6F, 0x8B, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def on_hand(px, py, cx, cy, angle, length, width):
    """True when (px, py) lies on a clock hand from the centre at angle (radians, 0 = 12 o'clock)."""
    dx, dy = math.sin(angle), -math.cos(angle)
    t = (px - cx) * dx + (py - cy) * dy
    if t < 0 or t > length:
        return False
    return abs((px - cx) * dy - (py - cy) * dx) <= width / 2


def clock(size, ring_outer, ring_inner, hand_width, x, y):
    cx = cy = (size - 1) / 2
    r = math.hypot(x - cx, y - cy)
    ring = ring_inner <= r <= ring_outer
    hands = on_hand(x, y, cx, cy, 0, ring_inner * 0.75, hand_width) or on_hand(x, y, cx, cy, math.pi / 2, ring_inner * 0.55, hand_width)
    return ring or hands or r <= hand_width * 0.8


here = Path(__file__).parent
png(here / "color.png", 192, lambda x, y: WHITE if clock(192, 66, 56, 10, x, y) else ACCENT)
png(here / "outline.png", 32, lambda x, y: WHITE if clock(32, 14, 11.5, 2, x, y) else CLEAR)
