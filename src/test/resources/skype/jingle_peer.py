"""Jingle calls for the test buddy: XEP-0166/0167/0176/0320 and JMI (XEP-0353) on slixmpp, media on
aiortc (an independent WebRTC stack), each Jingle description translated to and from SDP here.

Commands (see buddy.py): callmode answer|reject|ignore|ring|busy-after-ring, jmi on|off, call JID jmi|direct,
hangup, tone FREQ, record PATH, disco JID, propose-flood JID N, dtmf DIGITS, hold on|off.
Reports: jingle-in ACTION SID FROM [REASON, or a session-info's element: ringing, hold, unhold...] | jmi-in KIND ID FROM | call-state WORDS | disco VER FEATURES |
caps FROM VER | status FROM SHOW B64 | dtmf-in DIGIT | dtmf-sent DIGITS

aiortc has no RFC 4733 telephone-event: this peer adds it beside aiortc. Its Jingle descriptions
carry telephone-event/48000 next to aiortc's codecs; events arriving are taken out before aiortc's
RTP router (which would discard an unknown payload type) and reported; "dtmf" sends events on the
call's DTLS transport (SRTP by aiortc) under an SSRC of their own.
"""
import asyncio
import base64
import fractions
import hashlib
import math
import random
import struct
import uuid
import xml.etree.ElementTree as ET

import aioice.ice
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

NS_J = "urn:xmpp:jingle:1"
NS_RTP = "urn:xmpp:jingle:apps:rtp:1"
NS_ICE = "urn:xmpp:jingle:transports:ice-udp:1"
NS_DTLS = "urn:xmpp:jingle:apps:dtls:0"
NS_JMI = "urn:xmpp:jingle-message:0"
NS_INFO = "urn:xmpp:jingle:apps:rtp:info:1"

# tests run on loopback: aioice leaves 127.0.0.1 out of its host candidates
aioice.ice.get_host_addresses = lambda use_ipv4, use_ipv6: ["127.0.0.1"]

# ---- RFC 4733 telephone-event beside aiortc ----

EVENT_PT_OFFERED = 101  # what we offer; as answerer we take the offer's telephone-event/48000
DIGITS = "0123456789*#ABCD"
EVENTS = {"pt": None, "seen": set()}  # one call at a time


def _install_event_tap():
    from aiortc.rtcdtlstransport import RtpRouter
    route = RtpRouter.route_rtp

    def route_rtp(self, packet):
        if EVENTS["pt"] is not None and packet.payload_type == EVENTS["pt"]:
            p = packet.payload
            # RFC 4733 §2.3: event, E|R|volume, duration; reported once per event (its timestamp), at its end
            if len(p) >= 4 and p[1] & 0x80 and (packet.ssrc, packet.timestamp) not in EVENTS["seen"]:
                EVENTS["seen"].add((packet.ssrc, packet.timestamp))
                out("dtmf-in", DIGITS[p[0]] if p[0] < len(DIGITS) else "?%d" % p[0])
            return None
        return route(self, packet)

    RtpRouter.route_rtp = route_rtp


_install_event_tap()


def event_payload_type(content):
    """The telephone-event/48000 payload type of a Jingle content, or None."""
    desc = content.find(q("description", NS_RTP)) if content is not None else None
    for p in (desc.findall(q("payload-type", NS_RTP)) if desc is not None else []):
        if (p.get("name") or "").lower() == "telephone-event" and p.get("clockrate") == "48000":
            return int(p.get("id"))
    return None


def add_event_payload_type(content, pt):
    desc = content.find(q("description", NS_RTP))
    p = ET.Element(q("payload-type", NS_RTP), {"id": str(pt), "name": "telephone-event", "clockrate": "48000"})
    ET.SubElement(p, q("parameter", NS_RTP), {"name": "events", "value": "0-16"})
    desc.insert(len([x for x in desc if x.tag == q("payload-type", NS_RTP)]), p)


def out(*words):
    import sys
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


def q(tag, ns):
    return "{%s}%s" % (ns, tag)


# ---- Jingle <-> SDP ----

def jingle_to_sdp(content, sdp_type):
    """One Jingle content (description + transport) as an SDP with one audio m-line."""
    desc = content.find(q("description", NS_RTP))
    tr = content.find(q("transport", NS_ICE))
    pts = desc.findall(q("payload-type", NS_RTP)) if desc is not None else []
    ids = [p.get("id") for p in pts]
    lines = ["v=0", "o=- 1 1 IN IP4 0.0.0.0", "s=-", "t=0 0",
             "m=audio 9 UDP/TLS/RTP/SAVPF " + " ".join(ids), "c=IN IP4 0.0.0.0", "a=mid:0", "a=sendrecv"]
    if desc is not None and desc.find(q("rtcp-mux", NS_RTP)) is not None:
        lines.append("a=rtcp-mux")
    for p in pts:
        ch = p.get("channels")
        lines.append("a=rtpmap:%s %s/%s%s" % (p.get("id"), p.get("name"), p.get("clockrate", "8000"),
                                              "/" + ch if ch and ch != "1" else ""))
        params = [(x.get("name"), x.get("value")) for x in p.findall(q("parameter", NS_RTP))]
        if params:
            lines.append("a=fmtp:%s %s" % (p.get("id"), ";".join("%s=%s" % kv for kv in params)))
    if tr is not None:
        if tr.get("ufrag"):
            lines.append("a=ice-ufrag:" + tr.get("ufrag"))
            lines.append("a=ice-pwd:" + tr.get("pwd"))
        fp = tr.find(q("fingerprint", NS_DTLS))
        if fp is not None:
            lines.append("a=fingerprint:%s %s" % (fp.get("hash"), fp.text.strip()))
            setup = fp.get("setup", "actpass")
            lines.append("a=setup:" + setup)
        for c in tr.findall(q("candidate", NS_ICE)):
            s = "a=candidate:%s %s %s %s %s %s typ %s" % (c.get("foundation"), c.get("component"), c.get("protocol"),
                                                         c.get("priority"), c.get("ip"), c.get("port"), c.get("type"))
            if c.get("rel-addr"):
                s += " raddr %s rport %s" % (c.get("rel-addr"), c.get("rel-port"))
            lines.append(s)
        lines.append("a=end-of-candidates")
    return "\r\n".join(lines) + "\r\n"


def sdp_to_content(sdp, creator, name="audio"):
    """aiortc's SDP (one audio m-line) as a Jingle content element."""
    content = ET.Element(q("content", NS_J), {"creator": creator, "name": name})
    desc = ET.SubElement(content, q("description", NS_RTP), {"media": "audio"})
    tr = ET.SubElement(content, q("transport", NS_ICE))
    rtpmap, fmtp, order = {}, {}, []
    fingerprint, setup = None, "actpass"
    for line in sdp.splitlines():
        if line.startswith("m=audio"):
            order = line.split()[3:]
        elif line.startswith("a=rtpmap:"):
            pt, enc = line[9:].split(" ", 1)
            rtpmap[pt] = enc.split("/")
        elif line.startswith("a=fmtp:"):
            pt, params = line[7:].split(" ", 1)
            fmtp[pt] = [kv.split("=", 1) for kv in params.split(";") if "=" in kv]
        elif line.startswith("a=ice-ufrag:"):
            tr.set("ufrag", line[12:])
        elif line.startswith("a=ice-pwd:"):
            tr.set("pwd", line[10:])
        elif line.startswith("a=fingerprint:"):
            fingerprint = line[14:].split(" ", 1)
        elif line.startswith("a=setup:"):
            setup = line[8:]
        elif line == "a=rtcp-mux":
            ET.SubElement(desc, q("rtcp-mux", NS_RTP))
        elif line.startswith("a=candidate:"):
            w = line[12:].split()
            attrs = {"foundation": w[0], "component": w[1], "protocol": w[2].lower(), "priority": w[3], "ip": w[4],
                     "port": w[5], "type": w[7], "generation": "0", "id": uuid.uuid4().hex[:10], "network": "0"}
            if "raddr" in w:
                attrs["rel-addr"] = w[w.index("raddr") + 1]
                attrs["rel-port"] = w[w.index("rport") + 1]
            ET.SubElement(tr, q("candidate", NS_ICE), attrs)
    for pt in order:
        if pt not in rtpmap:
            continue
        enc = rtpmap[pt]
        a = {"id": pt, "name": enc[0], "clockrate": enc[1]}
        if len(enc) > 2:
            a["channels"] = enc[2]
        p = ET.Element(q("payload-type", NS_RTP), a)
        for k, v in fmtp.get(pt, []):
            ET.SubElement(p, q("parameter", NS_RTP), {"name": k, "value": v})
        desc.insert(len([x for x in desc if x.tag == q("payload-type", NS_RTP)]), p)
    if fingerprint:
        fp = ET.Element(q("fingerprint", NS_DTLS), {"hash": fingerprint[0], "setup": setup})
        fp.text = fingerprint[1]
        tr.insert(0, fp)
    return content


def caps_ver(identities, features):
    """XEP-0115 §5.1, computed here from what disco#info said (independent of the PBX's Smack)."""
    s = ""
    for cat, typ, lang, name in sorted(identities):
        s += "%s/%s/%s/%s<" % (cat, typ, lang or "", name or "")
    for f in sorted(features):
        s += f + "<"
    return base64.b64encode(hashlib.sha1(s.encode("utf-8")).digest()).decode("ascii")


# ---- a tone to play ----

def tone_track(freq):
    import av
    import numpy
    from aiortc.mediastreams import MediaStreamTrack

    class Tone(MediaStreamTrack):
        kind = "audio"

        def __init__(self):
            super().__init__()
            self.pts = 0
            self.start = None

        async def recv(self):
            rate, n = 48000, 960
            loop = asyncio.get_event_loop()
            if self.start is None:
                self.start = loop.time()
            wait = self.start + self.pts / rate - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            t = (numpy.arange(n) + self.pts) / rate
            samples = (numpy.sin(2 * math.pi * freq * t) * 8000).astype(numpy.int16).reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(samples, format="s16", layout="mono")
            frame.sample_rate = rate
            frame.pts = self.pts
            frame.time_base = fractions.Fraction(1, rate)
            self.pts += n
            return frame

    return Tone()


class JinglePeer:
    """Mixed into the Buddy: one call at a time."""

    def jingle_init(self):
        self.register_plugin("xep_0030")
        self.callmode = "answer"
        self.jmi = True
        self.freq = None
        self.record_path = None
        self.call = None  # dict: sid, peer, pc, recorder, role
        self.register_handler(Callback("jingle", MatchXPath("{jabber:client}iq/{%s}jingle" % NS_J), self.on_jingle))
        self.register_handler(Callback("jmi", MatchXPath("{jabber:client}message"), self.on_jmi))

    def set_features(self):
        """Called once the session started: slixmpp keeps disco features per full JID."""
        disco = self["xep_0030"]
        for f in (NS_J, NS_RTP, "urn:xmpp:jingle:apps:rtp:audio", NS_ICE, NS_DTLS, NS_JMI):
            try:
                disco.del_feature(feature=f)
            except Exception:  # noqa: BLE001
                pass
        feats = [NS_J, NS_RTP, "urn:xmpp:jingle:apps:rtp:audio", NS_ICE, NS_DTLS] + ([NS_JMI] if self.jmi else [])
        for f in feats:
            disco.add_feature(f)

    def jingle_command(self, cmd, args):
        if cmd == "callmode":
            self.callmode = args[0]
        elif cmd == "jmi":
            self.jmi = args[0] == "on"
            self.set_features()
        elif cmd == "tone":
            self.freq = float(args[0])
        elif cmd == "record":
            self.record_path = args[0]
        elif cmd == "call":
            asyncio.ensure_future(self.place_call(args[0], args[1]))
        elif cmd == "hangup":
            asyncio.ensure_future(self.hangup("success"))
        elif cmd == "hold":
            call = self.call
            if call:  # XEP-0167 §7.2 hold, §7.3 unhold
                el = ET.Element(q("hold" if args[0] == "on" else "unhold", NS_INFO))
                asyncio.ensure_future(self.send_jingle(call["peer"], "session-info", call["sid"], [el]))
        elif cmd == "dtmf":
            asyncio.ensure_future(self.send_dtmf(args[0]))
        elif cmd == "disco":
            asyncio.ensure_future(self.disco(args[0]))
        elif cmd == "propose-flood":
            for i in range(int(args[1])):
                self.send_jmi(args[0], "propose", "flood%d-%s" % (i, uuid.uuid4().hex[:6]), with_description=True)
        else:
            return False
        return True

    # ---- sending ----

    def send_jmi(self, to, kind, sid, with_description=False, reason=None):
        m = self.make_message(mto=to, mtype="chat")
        el = ET.Element(q(kind, NS_JMI), {"id": sid})
        if with_description:
            ET.SubElement(el, q("description", NS_RTP), {"media": "audio"})
        if reason:
            r = ET.SubElement(el, q("reason", NS_J))
            ET.SubElement(r, q(reason, NS_J))
        m.append(el)
        ET.SubElement(m.xml, "{urn:xmpp:hints}store")
        m.send()

    async def send_jingle(self, to, action, sid, children=(), **attrs):
        iq = self.make_iq_set(ito=to)
        j = ET.Element(q("jingle", NS_J), dict({"action": action, "sid": sid}, **attrs))
        for c in children:
            j.append(c)
        iq.append(j)
        try:
            await iq.send(timeout=10)
            return None
        except Exception as e:  # noqa: BLE001
            cond = getattr(getattr(e, "iq", None), "__getitem__", None)
            return e.iq["error"]["condition"] if hasattr(e, "iq") else str(e)

    def reason_el(self, reason):
        r = ET.Element(q("reason", NS_J))
        ET.SubElement(r, q(reason, NS_J))
        return r

    # ---- media ----

    async def new_pc(self):
        from aiortc import RTCConfiguration, RTCPeerConnection
        from aiortc.contrib.media import MediaBlackhole, MediaRecorder
        pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))  # no STUN: the tests have no Internet
        rec = MediaRecorder(self.record_path) if self.record_path else MediaBlackhole()

        @pc.on("track")
        def on_track(track):
            rec.addTrack(track)
            asyncio.ensure_future(rec.start())

        @pc.on("connectionstatechange")
        async def on_state():
            out("call-state", "connection", pc.connectionState)

        if self.freq:
            pc.addTrack(tone_track(self.freq))
        else:
            pc.addTransceiver("audio", direction="sendrecv")
        return pc, rec

    # ---- calls ----

    async def place_call(self, to, how):
        sid = "py" + uuid.uuid4().hex[:12]
        self.call = {"sid": sid, "peer": to, "role": "initiator", "pc": None, "rec": None}
        if how == "jmi":
            self.send_jmi(to, "propose", sid, with_description=True)
            out("call-state", "proposed", sid)
        else:
            await self.initiate(to)

    async def initiate(self, to):
        call = self.call
        call["peer"] = to
        pc, rec = await self.new_pc()
        call["pc"], call["rec"] = pc, rec
        await pc.setLocalDescription(await pc.createOffer())
        content = sdp_to_content(pc.localDescription.sdp, "initiator")
        add_event_payload_type(content, EVENT_PT_OFFERED)
        EVENTS["pt"], EVENTS["seen"] = EVENT_PT_OFFERED, set()
        err = await self.send_jingle(to, "session-initiate", call["sid"], [content], initiator=str(self.boundjid))
        out("call-state", "initiated", call["sid"], err or "ok")

    async def hangup(self, reason):
        call = self.call
        if not call:
            return
        self.call = None
        if call.get("pc") is None and call["role"] == "initiator":
            self.send_jmi(call["peer"], "retract", call["sid"])
        else:
            await self.send_jingle(call["peer"], "session-terminate", call["sid"], [self.reason_el(reason)])
        await self.close_media(call)
        out("call-state", "hungup", call["sid"])

    async def close_media(self, call):
        if call.get("rec") is not None:
            try:
                await call["rec"].stop()
            except Exception:  # noqa: BLE001
                pass
        if call.get("pc") is not None:
            await call["pc"].close()

    # ---- receiving ----

    def on_jmi(self, msg):
        for el in msg.xml:
            if not el.tag.startswith("{%s}" % NS_JMI):
                continue
            kind = el.tag.split("}")[1]
            sid = el.get("id")
            frm = str(msg["from"])
            out("jmi-in", kind, sid, frm)
            if msg["type"] == "error":
                return
            asyncio.ensure_future(self.jmi_event(kind, sid, frm))

    async def jmi_event(self, kind, sid, frm):
        call = self.call
        if kind == "propose":
            if self.callmode == "ignore":
                return
            if self.callmode == "reject":
                self.send_jmi(frm, "reject", sid, reason="busy")
                return
            self.call = {"sid": sid, "peer": frm, "role": "responder", "pc": None, "rec": None}
            self.send_jmi(frm, "ringing", sid)
            if self.callmode == "answer":
                self.send_jmi(frm, "proceed", sid)
        elif call and sid == call["sid"]:
            if kind == "proceed" and call["role"] == "initiator":
                await self.initiate(frm)
            elif kind in ("reject", "retract"):
                self.call = None
                await self.close_media(call)

    def on_jingle(self, iq):
        j = iq.xml.find(q("jingle", NS_J))
        action, sid, frm = j.get("action"), j.get("sid"), str(iq["from"])
        reason = ""
        r = j.find(q("reason", NS_J))
        if r is not None and len(r):
            reason = r[0].tag.split("}")[1]
        elif action == "session-info" and len(j):
            reason = j[0].tag.split("}")[1]
        out("jingle-in", action, sid, frm, reason)
        asyncio.ensure_future(self.jingle_event(iq, j, action, sid, frm))

    async def jingle_event(self, iq, j, action, sid, frm):
        call = self.call
        iq.reply().send()
        if action == "session-initiate":
            if self.callmode == "ignore":
                return
            if self.callmode == "reject":
                await self.send_jingle(frm, "session-terminate", sid, [self.reason_el("busy")])
                return
            self.call = call = {"sid": sid, "peer": frm, "role": "responder", "pc": None, "rec": None}
            info = ET.Element(q("ringing", NS_INFO))
            await self.send_jingle(frm, "session-info", sid, [info])
            if self.callmode != "answer":
                return
            pc, rec = await self.new_pc()
            call["pc"], call["rec"] = pc, rec
            content = j.find(q("content", NS_J))
            from aiortc import RTCSessionDescription
            await pc.setRemoteDescription(RTCSessionDescription(jingle_to_sdp(content, "offer"), "offer"))
            await pc.setLocalDescription(await pc.createAnswer())
            answer = sdp_to_content(pc.localDescription.sdp, content.get("creator"), content.get("name"))
            EVENTS["pt"], EVENTS["seen"] = event_payload_type(content), set()
            if EVENTS["pt"] is not None:
                add_event_payload_type(answer, EVENTS["pt"])
            err = await self.send_jingle(frm, "session-accept", sid, [answer], responder=str(self.boundjid))
            out("call-state", "accepted", sid, err or "ok")
        elif call and sid == call["sid"]:
            if action == "session-accept" and call["role"] == "initiator":
                from aiortc import RTCSessionDescription
                content = j.find(q("content", NS_J))
                EVENTS["pt"] = event_payload_type(content)
                await call["pc"].setRemoteDescription(RTCSessionDescription(jingle_to_sdp(content, "answer"), "answer"))
                out("call-state", "answered", sid)
            elif action == "session-terminate":
                self.call = None
                await self.close_media(call)
                out("call-state", "ended", sid)

    async def send_dtmf(self, digits):
        """RFC 4733 §2.5: per digit, packets every 20 ms with one timestamp, the first marked, the
        duration growing; the end packet sent three times (§2.5.1.4). 100 ms tones, 100 ms apart."""
        from aiortc.rtp import RtpPacket
        call = self.call
        pt = EVENTS["pt"]
        if not call or call.get("pc") is None or pt is None:
            out("dtmf-sent", "none")
            return
        sender = next(s for s in call["pc"].getSenders() if s.kind == "audio")
        transport = sender.transport
        ssrc, seq, ts = random.getrandbits(32), random.getrandbits(16), random.getrandbits(32)
        for d in digits:
            for i in range(1, 8):
                end = i >= 5
                payload = struct.pack("!BBH", DIGITS.index(d), (0x80 if end else 0) | 10, min(i, 5) * 960)
                pkt = RtpPacket(payload_type=pt, marker=1 if i == 1 else 0, sequence_number=seq, timestamp=ts,
                                ssrc=ssrc, payload=payload)
                await transport._send_rtp(pkt.serialize())
                seq = (seq + 1) & 0xFFFF
                await asyncio.sleep(0.02)
            ts = (ts + 10 * 960) & 0xFFFFFFFF
            await asyncio.sleep(0.1)
        out("dtmf-sent", digits)

    async def disco(self, jid):
        info = await self["xep_0030"].get_info(jid=jid, timeout=10)
        q_ = info["disco_info"]
        ver = caps_ver([(i[0], i[1], i[2], i[3]) for i in q_["identities"]], list(q_["features"]))
        out("disco", ver, ",".join(sorted(q_["features"])))
