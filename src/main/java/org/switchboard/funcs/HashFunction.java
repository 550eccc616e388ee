package org.switchboard.funcs;

import java.util.List;
import org.switchboard.core.Channel;

/**
 * {@code HASH(hashname[,hashkey])} (func_strings.c): an associative array kept in channel
 * variables named {@code ~HASH~hashname~hashkey~}, as Asterisk keeps it.
 */
public final class HashFunction extends BaseFunction {
    /** The variable func_odbc and the one-argument read leave the column names in. */
    static final String ODBC_FIELDS = "~ODBCFIELDS~";

    public HashFunction() {
        super("HASH", "func_strings", "An associative array in the dialplan.", "HASH(hashname[,hashkey])",
                """
                With two arguments, reads or sets the value stored under hashkey in the array
                hashname: Set(HASH(cust,name)=Bob) then ${HASH(cust,name)} gives Bob. A leading
                _ or __ on hashname when setting marks the entry for inheritance.
                With one argument, reading returns the values of every key, comma separated,
                and leaves the key names, in the same order, in ~ODBCFIELDS~; setting
                Set(HASH(cust)=v1,v2) stores the values under the keys named in ~ODBCFIELDS~,
                which is how a func_odbc read fills a hash. Keys come in alphabetical order.
                The entries are plain channel variables; ClearHash is not provided.""");
    }

    static String key(String hash, String key) { return "~HASH~" + hash + "~" + key + "~"; }

    /** The variable name to set, with hashname's inheritance marks moved in front. */
    static String markedKey(String hash, String key) {
        if (hash.startsWith("__")) return "__" + key(hash.substring(2), key);
        if (hash.startsWith("_")) return "_" + key(hash.substring(1), key);
        return key(hash, key);
    }

    @Override
    public String read(Channel channel, String data) {
        String[] args = FuncArgs.standard(data, 2);
        if (args[1] != null) {
            if (channel == null) return "";
            String v = channel.pbx().vars().get(channel, key(args[0], args[1]));
            return v == null ? "" : v;
        }
        if (args[0] == null) return "";
        if (noChannel(channel)) return null;
        List<String> keys = HashKeysFunction.keys(channel, args[0]);
        channel.pbx().vars().set(channel, ODBC_FIELDS, String.join(",", keys));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) out.append(',');
            String v = channel.pbx().vars().get(channel, key(args[0], keys.get(i)));
            out.append(v == null ? "" : v);
        }
        return out.toString();
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        if (data == null || channel == null) return;
        if (data.indexOf(',') < 0) {
            // single argument: the keys are the columns func_odbc left in ~ODBCFIELDS~
            String fields = channel.pbx().vars().get(channel, ODBC_FIELDS);
            if (fields == null) return;
            ArrayFunction.assign(channel, FuncArgs.standard(fields, ArrayFunction.MAX_ITEMS), value, data);
            return;
        }
        String[] args = FuncArgs.standard(data, 2);
        channel.pbx().vars().set(channel, markedKey(args[0], args[1]), value == null ? "" : value);
    }
}
