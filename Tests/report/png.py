#!/usr/bin/env python3
"""Reads a PNG with the standard library only (zlib + struct) and says whether it shows a page.

Usage: png.py SHOT.png [--crop Y HEIGHT OUT.png]

Prints the size, the number of distinct colours and the share of pixels that differ from the
most common one (the background); exits 1 when the picture is blank (fewer than 16 colours or
under 2% of pixels off the background). `--crop` writes rows Y..Y+HEIGHT to OUT.png (for
looking at a long screenshot piece by piece).
"""
import struct
import sys
import zlib


def read(path):
    """The width, height and rows (lists of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise SystemExit(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs are read")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return width, height, rows


def write(path, rows):
    """Writes RGB rows as a PNG."""
    height, width = len(rows), len(rows[0])
    raw = b"".join(b"\x00" + bytes(v for pixel in row for v in pixel) for row in rows)
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                  + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main():
    width, height, rows = read(sys.argv[1])
    if len(sys.argv) == 6 and sys.argv[2] == "--crop":
        top, size = int(sys.argv[3]), int(sys.argv[4])
        write(sys.argv[5], rows[top:top + size])
        return 0
    counts = {}
    for row in rows:
        for pixel in row:
            counts[pixel] = counts.get(pixel, 0) + 1
    background = max(counts.values())
    off = 1 - background / (width * height)
    print(f"{sys.argv[1]}: {width}x{height}, {len(counts)} colours, {off:.1%} of pixels off the background")
    if len(counts) < 16 or off < 0.02:
        print(f"{sys.argv[1]}: the picture is blank")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
