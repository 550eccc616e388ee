#!/usr/bin/python3
"""An independent WebRTC peer for Switchboard's media tests: aiortc (Debian python3-aiortc).

Speaks JSON lines on stdin/stdout with the Java test:
  in:  {"type": "offer", "sdp": ...}   -> out: {"type": "answer", "sdp": ...}      (default role)
  out: {"type": "offer", "sdp": ...}   <- in:  {"type": "answer", "sdp": ...}      (--offer)
  out: {"type": "state", "connection": "connected" | "failed" | ...}  as it changes
  in:  {"type": "bye"}                 -> out: {"type": "heard", "file": PATH, "rate": 8000, "samples": N}
It sends a sine tone (--tone HZ) as PCMU and records what it receives to --record PATH (WAV,
16-bit mono). Host candidates on 127.0.0.1 only, no STUN server: loopback, nothing outside.
--mangle-fingerprint announces a fingerprint that is not its certificate's (a bad-input test).
"""
import argparse
import asyncio
import fractions
import json
import math
import os
import struct
import sys
import wave

import aioice.ice
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack

# aioice leaves loopback out of its host candidates; the tests run on loopback only
aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]


class ToneTrack(AudioStreamTrack):
    """aiortc's paced 20 ms silence, filled with a sine at `freq`."""

    def __init__(self, freq):
        super().__init__()
        self.freq = freq
        self.n = 0

    async def recv(self):
        frame = await super().recv()
        rate = frame.sample_rate
        pcm = bytearray()
        for i in range(frame.samples):
            pcm += struct.pack("<h", int(8000 * math.sin(2 * math.pi * self.freq * (self.n + i) / rate)))
        self.n += frame.samples
        frame.planes[0].update(bytes(pcm))
        return frame


def out(msg):
    sys.stdout.write(json.dumps(msg) + "\n")
    sys.stdout.flush()


def mangle(sdp):
    lines = []
    for line in sdp.splitlines():
        if line.startswith("a=fingerprint:"):
            algo, value = line[len("a=fingerprint:"):].split(" ", 1)
            value = ("00" if not value.startswith("00") else "11") + value[2:]
            line = "a=fingerprint:" + algo + " " + value
        lines.append(line)
    return "\r\n".join(lines) + "\r\n"


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tone", type=float, default=1000.0)
    ap.add_argument("--record", required=True)
    ap.add_argument("--offer", action="store_true")
    ap.add_argument("--mangle-fingerprint", action="store_true")
    args = ap.parse_args()

    pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
    heard = bytearray()
    rate = [8000]

    @pc.on("connectionstatechange")
    def on_state():
        out({"type": "state", "connection": pc.connectionState})

    async def consume(track):
        try:
            while True:
                frame = await track.recv()
                rate[0] = frame.sample_rate
                n = frame.samples * len(frame.layout.channels) * 2
                heard.extend(bytes(frame.planes[0])[:n])
        except Exception:
            pass

    @pc.on("track")
    def on_track(track):
        asyncio.ensure_future(consume(track))

    pc.addTrack(ToneTrack(args.tone))
    loop = asyncio.get_event_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)

    async def send_local(kind):
        desc = pc.localDescription.sdp
        out({"type": kind, "sdp": mangle(desc) if args.mangle_fingerprint else desc})

    if args.offer:
        await pc.setLocalDescription(await pc.createOffer())
        await send_local("offer")

    while True:
        line = await reader.readline()
        if not line:
            break
        msg = json.loads(line)
        if msg["type"] == "offer":
            await pc.setRemoteDescription(RTCSessionDescription(sdp=msg["sdp"], type="offer"))
            await pc.setLocalDescription(await pc.createAnswer())
            await send_local("answer")
        elif msg["type"] == "answer":
            await pc.setRemoteDescription(RTCSessionDescription(sdp=msg["sdp"], type="answer"))
        elif msg["type"] == "bye":
            break

    await pc.close()
    with wave.open(args.record, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate[0])
        w.writeframes(bytes(heard))
    out({"type": "heard", "file": args.record, "rate": rate[0], "samples": len(heard) // 2})


asyncio.run(main())
os._exit(0)  # aiortc may leave threads behind; the test waits for this process to end
