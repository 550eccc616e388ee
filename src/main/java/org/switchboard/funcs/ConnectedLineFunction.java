package org.switchboard.funcs;

import java.util.List;
import org.switchboard.core.CallerId;
import org.switchboard.core.Channel;

/** CONNECTEDLINE(datatype[,i]): reads or sets the connected party on the channel (func_callerid). */
public final class ConnectedLineFunction extends BaseFunction {
    public ConnectedLineFunction() {
        super("CONNECTEDLINE", "func_callerid",
                "Reads or sets the connected line (the other party) of the channel.",
                "CONNECTEDLINE(datatype[,i])",
                "The party this channel is connected to, as the phone should show it. datatype is one of all, "
                        + "name, name-valid, name-charset, name-pres, num, num-valid, num-plan, num-pres, pres, ton, "
                        + "subaddr, subaddr-valid, subaddr-type, subaddr-odd, tag, and priv- followed by any of these "
                        + "for the private party id; they mean what they mean for CALLERID(). The i option, when "
                        + "setting, changes the value without telling the other end about it.");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        List<String> member = PartyIds.members(FuncArgs.orEmpty(args));
        if (member == null) return unknown(args);
        String value;
        if (member.get(0).equalsIgnoreCase("priv")) {
            PartyIds.Store s = PartyIds.store(channel);
            value = PartyIds.read(s.party("connected-priv"), s.extras("connected-priv"), member.subList(1, member.size()));
        } else {
            value = PartyIds.read(channel.connectedLine(), PartyIds.store(channel).extras("connected"), member);
        }
        return value == null ? unknown(args) : value;
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String args, String value) {
        if (noChannel(channel) || value == null) return;
        String[] a = FuncArgs.standard(args, 3);
        List<String> member = a[0] == null ? null : PartyIds.members(a[0]);
        if (member == null) {
            unknown(args);
            return;
        }
        // the only option, i, only keeps Asterisk from sending a connected line update; there is none to send yet
        String v = PartyIds.trimStart(value);
        PartyIds.Status status;
        if (member.get(0).equalsIgnoreCase("priv")) {
            PartyIds.Store s = PartyIds.store(channel);
            status = PartyIds.write(s.party("connected-priv"), s.extras("connected-priv"), member.subList(1, member.size()), v, source());
        } else {
            CallerId cl = channel.connectedLine();
            status = PartyIds.write(cl, PartyIds.store(channel).extras("connected"), member, v, source());
        }
        if (status == PartyIds.Status.UNKNOWN) unknown(args);
    }

    private String unknown(String args) {
        error("Unknown connectedline data type '" + FuncArgs.orEmpty(args) + "'.");
        return "";
    }
}
