package org.switchboard.funcs;

import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** {@code Set(ARRAY(var1[,var2[,...]])=val1[,val2[,...]])} (func_strings.c): several variables at once. */
public final class ArrayFunction extends BaseFunction {
    /** AST_APP_ARG(var)[100]: beyond that, the last name or value keeps the unsplit rest. */
    static final int MAX_ITEMS = 100;

    public ArrayFunction() {
        super("ARRAY", "func_strings", "Sets several variables at once.", "ARRAY(var1[,var2[,...][,varN]])",
                """
                Write-only. The value assigned is split at commas like the list of names, and
                each variable gets the value in the same position: Set(ARRAY(var1,var2)=1,2)
                sets var1 to 1 and var2 to 2. Names without a value are set to the empty
                string (not unset). Quotes and backslashes in names and values are handled as in
                application arguments. Reading ARRAY is an error.""");
    }

    @Override
    public String read(Channel channel, String data) {
        PbxLog.error("pbx_functions.c", "Function " + name() + " cannot be read");
        return null;
    }

    @Override
    public boolean writable() { return true; }

    @Override
    public void write(Channel channel, String data, String value) {
        if (data == null || channel == null) return;
        assign(channel, FuncArgs.standard(data, MAX_ITEMS), value, null);
    }

    /**
     * Sets each name to the value in the same position of {@code value}; with {@code hash},
     * the names are keys of that HASH (as {@code Set(HASH(name)=...)} after an ODBC read does).
     */
    static void assign(Channel channel, String[] names, String value, String hash) {
        String[] values = FuncArgs.standard(value == null ? "" : value, MAX_ITEMS);
        for (int i = 0; i < names.length && names[i] != null; i++) {
            String v = values[i];
            String name = names[i];
            if (hash != null) {
                // Asterisk puts the inheritance marks in front only when there is a value
                name = v == null ? HashFunction.key(hash, name) : HashFunction.markedKey(hash, name);
            }
            channel.pbx().vars().set(channel, name, v == null ? "" : v);
        }
    }
}
