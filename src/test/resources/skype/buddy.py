#!/usr/bin/python3
"""A Skype buddy for Switchboard's tests: an independent XMPP client (slixmpp, not our code).

Usage: buddy.py JID PASSWORD HOST PORT CAFILE
Commands on stdin, one per line (text arguments are Base64 of UTF-8):
  send JID B64            a chat message
  flood JID N PREFIX      N chat messages "PREFIX-1" .. "PREFIX-N"
  presence SHOW [B64]     SHOW: available chat away xa dnd unavailable
  subscribe JID | unsubscribe JID | subscribed-to JID (approve JID's request)
  echo on|off             reply to every chat message with its own body
  reply B64               answer the next chat message with this text (once)
  approve on|off|ignore   approve subscription requests (default on), refuse them, or leave them pending
  join ROOM NICK           enter a XEP-0045 room (its messages: groupmsg ROOM NICK B64)
  raw B64                 B64 is written to the stream as it is (a stanza the test builds by hand)
  callmode|jmi|call|hangup|tone|record|disco|propose-flood ...   Jingle calls: see jingle_peer.py
  quit
Reports on stdout, one per line:
  ready | msg FROM B64 | oob FROM B64 (XEP-0066 URL of the message that follows) | presence FROM TYPE SHOW | subscribe FROM | subscribed FROM |
  unsubscribed FROM | disconnected | error TEXT |
  iq ID TYPE CONDITION B64   a reply (result or error) to an iq whose id starts with "raw-"
  caps FROM VER | status FROM SHOW B64 | and the Jingle reports of jingle_peer.py
"""
import asyncio
import base64
import logging
import sys
import threading
import xml.etree.ElementTree as ET

import slixmpp
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

from jingle_peer import JinglePeer


def out(*words):
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def unb64(text):
    return base64.b64decode(text).decode("utf-8")


class Buddy(slixmpp.ClientXMPP, JinglePeer):
    def __init__(self, jid, password, host, port, cafile):
        super().__init__(jid, password)
        self.addr = (host, int(port))
        self.ca_certs = cafile
        self.echo = False
        self.reply_once = None
        self.approve = "on"
        self.quitting = False
        self.auto_authorize = None  # we answer subscription requests ourselves
        self.auto_subscribe = False
        self.add_event_handler("session_start", self.on_start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("presence_subscribe", self.on_subscribe)
        self.add_event_handler("presence_subscribed", lambda p: out("subscribed", p["from"].bare))
        self.add_event_handler("presence_unsubscribed", lambda p: out("unsubscribed", p["from"].bare))
        self.add_event_handler("presence_available", self.on_presence)
        self.add_event_handler("presence_unavailable", self.on_presence)
        for show in ("chat", "away", "xa", "dnd"):
            self.add_event_handler("presence_" + show, self.on_presence)
        self.add_event_handler("changed_status", lambda p: None)
        self.add_event_handler("disconnected", self.on_disconnected)
        self.add_event_handler("connection_failed", self.on_disconnected)
        self.add_event_handler("failed_auth", lambda e: out("error", "auth"))
        self.register_handler(Callback("raw iq replies", MatchXPath("{jabber:client}iq"), self.on_iq))
        self.jingle_init()

    async def on_start(self, event):
        try:
            await self.get_roster()
        except Exception as e:  # noqa: BLE001
            out("error", "roster", e)
        self.set_features()
        self.send_presence()
        out("ready")

    def on_message(self, msg):
        if msg["type"] == "groupchat" and msg["body"]:
            out("groupmsg", msg["from"].bare, msg["from"].resource or "-", b64(msg["body"]))
            return
        if msg["type"] not in ("chat", "normal") or not msg["body"]:
            return
        frm = msg["from"].bare
        body = msg["body"]
        oob = msg.xml.find("{jabber:x:oob}x/{jabber:x:oob}url")
        if oob is not None:
            out("oob", frm, b64(oob.text or ""))
        out("msg", frm, b64(body))
        if self.reply_once is not None:
            text, self.reply_once = self.reply_once, None
            self.send_message(mto=frm, mbody=text, mtype="chat")
        elif self.echo:
            self.send_message(mto=frm, mbody=body, mtype="chat")

    def on_iq(self, iq):
        if iq["type"] in ("result", "error") and iq["id"].startswith("raw-"):
            condition = iq["error"]["condition"] if iq["type"] == "error" else "-"
            out("iq", iq["id"], iq["type"], condition or "-", b64(str(iq)))

    def on_subscribe(self, pres):
        frm = pres["from"].bare
        out("subscribe", frm)
        if self.approve == "ignore":
            return
        if self.approve == "on":
            self.send_presence(pto=frm, ptype="subscribed")
            self.send_presence(pto=frm, ptype="subscribe")
        else:
            self.send_presence(pto=frm, ptype="unsubscribed")

    def on_presence(self, pres):
        if pres["from"].bare == self.boundjid.bare:
            return
        kind = "unavailable" if pres["type"] == "unavailable" else "available"
        out("presence", pres["from"].bare, kind, pres["show"] or "-")
        out("status", pres["from"].bare, pres["show"] or "-", b64(pres["status"] or ""))
        c = pres.xml.find("{http://jabber.org/protocol/caps}c")
        if c is not None:
            out("caps", str(pres["from"]), c.get("ver"))

    def on_disconnected(self, event):
        out("disconnected")
        if not self.quitting:
            asyncio.get_event_loop().call_later(0.5, lambda: self.connect(self.addr))

    def command(self, line):
        words = line.split()
        if not words:
            return
        cmd, args = words[0], words[1:]
        try:
            if self.jingle_command(cmd, args):
                out("ok", cmd)
                return
            if cmd == "send":
                self.send_message(mto=args[0], mbody=unb64(args[1]) if len(args) > 1 else "", mtype="chat")
            elif cmd == "flood":
                for i in range(1, int(args[1]) + 1):
                    self.send_message(mto=args[0], mbody="%s-%d" % (args[2], i), mtype="chat")
            elif cmd == "presence":
                show = args[0]
                status = unb64(args[1]) if len(args) > 1 else None
                if show == "unavailable":
                    self.send_presence(ptype="unavailable", pstatus=status)
                elif show == "available":
                    self.send_presence(pstatus=status)
                else:
                    self.send_presence(pshow=show, pstatus=status)
            elif cmd == "subscribe":
                self.send_presence(pto=args[0], ptype="subscribe")
            elif cmd == "subscribed-to":
                self.send_presence(pto=args[0], ptype="subscribed")
            elif cmd == "unsubscribe":
                self.send_presence(pto=args[0], ptype="unsubscribe")
            elif cmd == "join":
                # XEP-0045 §7.2: presence to room/nick with the muc element
                p = self.make_presence(pto=args[0] + "/" + args[1])
                p.append(ET.Element("{http://jabber.org/protocol/muc}x"))
                p.send()
            elif cmd == "raw":
                self.send_raw(unb64(args[0]))
                return  # no "ok": a fuzzer sends thousands
            elif cmd == "echo":
                self.echo = args[0] == "on"
            elif cmd == "reply":
                self.reply_once = unb64(args[0])
            elif cmd == "approve":
                self.approve = args[0]
            elif cmd == "quit":
                self.quitting = True
                self.disconnect()
                asyncio.get_event_loop().call_later(1.0, lambda: sys.exit(0))
            out("ok", cmd)
        except Exception as e:  # noqa: BLE001
            out("error", cmd, repr(e).replace("\n", " "))


def main():
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    jid, password, host, port, cafile = sys.argv[1:6]
    buddy = Buddy(jid, password, host, port, cafile)
    loop = asyncio.get_event_loop()

    def read_stdin():
        for line in sys.stdin:
            loop.call_soon_threadsafe(buddy.command, line.strip())
        loop.call_soon_threadsafe(buddy.command, "quit")

    threading.Thread(target=read_stdin, daemon=True).start()
    buddy.connect(buddy.addr)
    try:
        loop.run_forever()
    except SystemExit:
        pass


if __name__ == "__main__":
    main()
