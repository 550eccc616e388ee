package org.switchboard.funcs;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;
import org.switchboard.res.dnsenum.EnumLookup;

/** ENUMLOOKUP(number[,method-type[,options[,record#[,zone-suffix]]]]): one URI (or the count) from a number's NAPTR records. */
public final class EnumLookupFunction implements DialplanFunction {
    @Override public String name() { return "ENUMLOOKUP"; }
    @Override public String synopsis() { return "General or specific querying of NAPTR records for ENUM or ENUM-like DNS pointers."; }
    @Override public String syntax() { return "ENUMLOOKUP(number[,method-type[,options[,record#[,zone-suffix]]]])"; }

    @Override
    public String description() {
        return """
                Looks number up in ENUM (RFC 6116): its digits reversed under zone-suffix (default: enum.conf's
                search => lines, else e164.arpa), the NAPTR records sorted by order and preference, those with flag u
                and an enumservice of method-type (default sip; ALL for any) turned into URIs by their regexp.
                Returns the record#-th (default 1) URI without its scheme ("sip:info@example.com" gives
                info@example.com), or "" when there is none.
                options: c - the count of matching NAPTRs (with method-type ALL, of all of them; -1 on error);
                u - the full URI, scheme kept; s - ISN rewriting (1234*256 looks up 4.3.2.1.256.zone);
                i - infrastructure ENUM (looked up as a plain ENUM tree here); d - a direct lookup without flipping
                the digits.
                The DNS server is enum.conf's [general] nameserver = host[:port] (ours), else /etc/resolv.conf's;
                timeout = seconds per attempt (ours, default 2, two attempts). A record with a malformed regexp is
                skipped with a warning; the others still answer.""";
    }

    @Override
    public String read(Channel c, String args) {
        List<String> a = AppArgs.split(args);
        String number = AppArgs.arg(a, 0).trim();
        if (number.isEmpty()) {
            PbxLog.warning("func_enum.c", "Syntax: ENUMLOOKUP(number[,Method-type[,options[,record#[,zone-suffix]]]])");
            return "";
        }
        String tech = AppArgs.arg(a, 1).trim();
        if (tech.isEmpty()) tech = "sip";
        EnumLookup.Options o = EnumLookup.Options.parse(AppArgs.arg(a, 2));
        String rec = AppArgs.arg(a, 3).trim();
        int record = 1;
        if (!rec.isEmpty()) {
            try {
                record = Integer.parseInt(rec);
                if (record < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                PbxLog.warning("func_enum.c", "ENUMLOOKUP: record# must be a number from 1, not '" + rec + "'; 1 is used");
                record = 1;
            }
        }
        EnumLookup.Result r = EnumLookup.of(c.pbx()).lookup(number, tech, o, AppArgs.arg(a, 4));
        if (o.count()) return r.error() != null && r.uris().isEmpty() && tech.equalsIgnoreCase("ALL") ? "-1" : Integer.toString(r.uris().size());
        if (record > r.uris().size()) return "";
        String uri = r.uris().get(record - 1);
        return o.fullUri() ? uri : EnumLookup.withoutScheme(uri);
    }
}
