package org.switchboard.funcs;

import java.util.Locale;
import org.switchboard.core.Channel;

/** CHANNEL(item): facts about the channel (func_channel). */
public final class ChannelFunction extends BaseFunction {
    public ChannelFunction() {
        super("CHANNEL", "func_channel",
                "Reads (and for a few items sets) information about the channel.",
                "CHANNEL(item)",
                "Items that can be read:\n"
                        + "  name, channame   the channel's name, e.g. SIP/alice-00000001\n"
                        + "  channeltype      its technology, e.g. SIP, Local, Skype\n"
                        + "  state            Down, Rsrvd, OffHook, Dialing, Ring, Ringing, Up, Busy, Dialing Offhook, Pre-ring\n"
                        + "  uniqueid         its unique ID; linkedid: the unique ID of the oldest channel of the call\n"
                        + "  context, exten   where its dialplan is now\n"
                        + "  appname, appdata the application it runs and its arguments\n"
                        + "  language         the language of its prompts (read/write)\n"
                        + "  accountcode      its account code (read/write)\n"
                        + "  amaflags         its AMA flags for billing, read as a number (1 OMIT, 2 BILLING,\n"
                        + "                   3 DOCUMENTATION), written as a number or a name\n"
                        + "  checkhangup      1 when a hangup is pending, else 0\n"
                        + "  peer             the channel it is bridged to, if any\n"
                        + "  pjsip,ITEM       on a PJSIP channel: remote_addr, local_addr (address:port of the\n"
                        + "                   signalling), secure (1 over TLS), target_uri, local_uri, remote_uri,\n"
                        + "                   local_tag, remote_tag, call-id, request_uri\n"
                        + "Any other item is logged as unknown or unavailable and gives an empty result.");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        String item = FuncArgs.orEmpty(args);
        String value = switch (item.toLowerCase(Locale.ROOT)) {
            case "name", "channame" -> channel.name();
            case "channeltype" -> channel.technology();
            case "state" -> channel.state().description();
            case "uniqueid" -> channel.uniqueId();
            case "linkedid" -> channel.linkedId() == null || channel.linkedId().isEmpty() ? channel.uniqueId() : channel.linkedId();
            case "context" -> channel.context();
            case "exten" -> channel.exten();
            case "appname" -> channel.application();
            case "appdata" -> channel.appData();
            case "language" -> channel.language();
            case "accountcode" -> channel.accountCode();
            case "amaflags" -> Integer.toString(channel.amaFlags());
            case "checkhangup" -> channel.isHangupRequested() ? "1" : "0";
            case "peer" -> {
                Channel peer = channel.bridgedPeer();
                yield peer == null ? "" : peer.name();
            }
            default -> channel.tech() == null ? null : channel.tech().channelFunctionRead(channel, item);
        };
        if (value == null) {
            warn("Unknown or unavailable item requested: '" + item + "'");
            return "";
        }
        return value;
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (noChannel(channel)) return;
        String item = FuncArgs.orEmpty(args);
        String v = value == null ? "" : value;
        switch (item.toLowerCase(Locale.ROOT)) {
            case "language" -> channel.setLanguage(v);
            case "accountcode" -> channel.setAccountCode(v);
            case "amaflags" -> channel.setAmaFlags(org.switchboard.core.AmaFlags.parse(v));
            default -> warn("Unknown or unavailable item requested: '" + item + "'");
        }
    }
}
