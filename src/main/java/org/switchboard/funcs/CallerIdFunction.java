package org.switchboard.funcs;

import java.util.List;
import org.switchboard.core.CallerId;
import org.switchboard.core.Channel;

/** CALLERID(datatype[,CID]): reads or sets the caller's party id on the channel (func_callerid). */
public final class CallerIdFunction extends BaseFunction {
    public CallerIdFunction() {
        super("CALLERID", "func_callerid",
                "Reads or sets the caller ID of the channel.",
                "CALLERID(datatype[,CID])",
                "datatype is one of:\n"
                        + "  all              \"Name\" <number>; setting it parses that form, a bare number or a bare name\n"
                        + "  name, num        the caller's name and number (number also accepted)\n"
                        + "  name-valid, num-valid  1 when set; setting 0 clears it\n"
                        + "  name-pres, num-pres, pres  presentation: allowed_not_screened, allowed_passed_screen,\n"
                        + "                   allowed_failed_screen, allowed, prohib_not_screened, prohib_passed_screen,\n"
                        + "                   prohib_failed_screen, prohib, unavailable (or its number); pres of a\n"
                        + "                   caller with neither name nor number reads unavailable\n"
                        + "  name-charset     unknown, iso8859-1 (default), withdrawn, iso8859-2, iso8859-3, iso8859-4,\n"
                        + "                   iso8859-5, iso8859-7, bmp, utf8\n"
                        + "  num-plan, ton    type of number / numbering plan, a number\n"
                        + "  subaddr, subaddr-valid, subaddr-type, subaddr-odd  the subaddress and its flags\n"
                        + "  tag              a free text tag that travels with the party\n"
                        + "  priv-...         the same fields of the caller's private party id (priv-all, priv-name, ...)\n"
                        + "  ANI, ANI-...     automatic number identification: ANI is ANI-num; ANI-name, ANI-all, ANI-tag, ...\n"
                        + "  ani2             ANI II digits, a number\n"
                        + "  DNID, dnid-num-plan, dnid-subaddr[-valid|-type|-odd]  the number dialed and its details\n"
                        + "  RDNIS            the number the call was redirected from\n"
                        + "Field names are case-insensitive. With the optional CID argument (reading only), name, num "
                        + "or all are taken from that text instead of the channel, e.g. CALLERID(name,\"Bob\" <123>) "
                        + "is Bob. A presentation or plan that is not understood leaves the value unchanged and is "
                        + "logged; so is an unknown datatype.\n"
                        + "Switchboard keeps one presentation per party, so name-pres, num-pres and pres share it.");
    }

    @Override
    public String read(Channel channel, String args) {
        if (noChannel(channel)) return "";
        String[] a = FuncArgs.standard(args, 2);
        if (a[0] == null) {
            error("Unknown callerid data type ''.");
            return "";
        }
        List<String> member = PartyIds.members(a[0]);
        if (member == null) {
            error("Unknown callerid data type '" + args + "'.");
            return "";
        }
        if (a[1] != null) {
            String[] nameNum = PartyIds.splitCallerId(a[1]);
            if (member.size() == 1 && member.get(0).equalsIgnoreCase("all")) {
                return "\"" + nameNum[0] + "\" <" + nameNum[1] + ">";
            } else if (member.size() == 1 && member.get(0).equalsIgnoreCase("name")) {
                return nameNum[0];
            } else if (member.size() == 1 && PartyIds.startsWithIgnoreCase(member.get(0), "num")) {
                return nameNum[1];
            }
            return unknown(args);
        }
        CallerId cid = channel.callerId();
        String first = member.get(0);
        String value;
        if (member.size() == 1 && first.equalsIgnoreCase("rdnis")) {
            value = cid.rdnis();
        } else if (first.equalsIgnoreCase("dnid")) {
            value = readDialed(channel, member.subList(1, member.size()));
        } else if (member.size() == 1 && first.equalsIgnoreCase("ani2")) {
            value = Integer.toString(PartyIds.store(channel).ani2);
        } else if (first.equalsIgnoreCase("ani")) {
            List<String> sub = member.size() == 1 ? List.of("num") : member.subList(1, member.size());
            CallerId ani = ani(channel);
            value = PartyIds.read(ani, PartyIds.store(channel).extras("ani"), sub);
        } else if (first.equalsIgnoreCase("priv")) {
            PartyIds.Store s = PartyIds.store(channel);
            value = PartyIds.read(s.party("priv"), s.extras("priv"), member.subList(1, member.size()));
        } else {
            value = PartyIds.read(cid, extras(channel), member);
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
            error("Unknown callerid data type '" + FuncArgs.orEmpty(args) + "'.");
            return;
        }
        String v = PartyIds.trimStart(value);
        CallerId cid = channel.callerId();
        String first = member.get(0);
        PartyIds.Status status;
        if (member.size() == 1 && first.equalsIgnoreCase("rdnis")) {
            cid.setRdnis(v);
            status = PartyIds.Status.VALID;
        } else if (first.equalsIgnoreCase("dnid")) {
            status = writeDialed(channel, member.subList(1, member.size()), v);
        } else if (member.size() == 1 && first.equalsIgnoreCase("ani2")) {
            String t = PartyIds.trimEnd(v);
            if (PartyIds.startsWithDigit(t)) {
                PartyIds.store(channel).ani2 = FuncArgs.atoi(t);
            } else {
                error("Unknown callerid ani2 '" + t + "', value unchanged");
            }
            status = PartyIds.Status.VALID;
        } else if (first.equalsIgnoreCase("ani")) {
            List<String> sub = member.size() == 1 ? List.of("num") : member.subList(1, member.size());
            CallerId ani = ani(channel);
            status = PartyIds.write(ani, PartyIds.store(channel).extras("ani"), sub, v, source());
            cid.setAni(ani.number());
        } else if (first.equalsIgnoreCase("priv")) {
            PartyIds.Store s = PartyIds.store(channel);
            status = PartyIds.write(s.party("priv"), s.extras("priv"), member.subList(1, member.size()), v, source());
        } else {
            status = PartyIds.write(cid, extras(channel), member, v, source());
        }
        if (status == PartyIds.Status.UNKNOWN) unknown(args);
        else channel.pbx().events().newCallerid(channel);
    }

    private String unknown(String args) {
        error("Unknown callerid data type '" + FuncArgs.orEmpty(args) + "'.");
        return "";
    }

    /** The caller's own party extras live in the store only once something needs them. */
    private static PartyIds.Extras extras(Channel channel) { return PartyIds.store(channel).extras("caller"); }

    /** The ANI party, its number kept in CallerId.ani where the rest of the PBX looks for it. */
    private static CallerId ani(Channel channel) {
        CallerId ani = PartyIds.store(channel).party("ani");
        ani.setNumber(channel.callerId().ani());
        return ani;
    }

    /** dnid, dnid-num, dnid-num-plan, dnid-subaddr...; null when the field is unknown. */
    private static String readDialed(Channel channel, List<String> rest) {
        List<String> sub = rest.isEmpty() ? List.of("num") : rest;
        PartyIds.Store s = PartyIds.store(channel);
        CallerId dialed = s.party("dialed");
        if (PartyIds.startsWithIgnoreCase(sub.get(0), "num")) {
            if (sub.size() == 1) return channel.callerId().dnid();
            if (sub.size() == 2 && sub.get(1).equalsIgnoreCase("plan")) return Integer.toString(dialed.ton());
            return null;
        }
        if (PartyIds.startsWithIgnoreCase(sub.get(0), "subaddr")) {
            return PartyIds.readSubaddress(dialed, s.extras("dialed"), sub.subList(1, sub.size()));
        }
        return null;
    }

    private PartyIds.Status writeDialed(Channel channel, List<String> rest, String value) {
        List<String> sub = rest.isEmpty() ? List.of("num") : rest;
        PartyIds.Store s = PartyIds.store(channel);
        CallerId dialed = s.party("dialed");
        if (PartyIds.startsWithIgnoreCase(sub.get(0), "num")) {
            if (sub.size() == 1) {
                channel.callerId().setDnid(PartyIds.trimEnd(value));
                return PartyIds.Status.VALID;
            }
            if (sub.size() == 2 && sub.get(1).equalsIgnoreCase("plan")) {
                PartyIds.writePlan(dialed, value, source());
                return PartyIds.Status.VALID;
            }
            return PartyIds.Status.UNKNOWN;
        }
        if (PartyIds.startsWithIgnoreCase(sub.get(0), "subaddr")) {
            return PartyIds.writeSubaddress(dialed, s.extras("dialed"), sub.subList(1, sub.size()), value);
        }
        return PartyIds.Status.UNKNOWN;
    }
}
