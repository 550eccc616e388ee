package org.switchboard.funcs;

import java.util.List;
import org.switchboard.core.AppArgs;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.PbxLog;

/** ENUMRESULT(id,resultnum): a result of an ENUMQUERY, or their count. */
public final class EnumResultFunction implements DialplanFunction {
    @Override public String name() { return "ENUMRESULT"; }
    @Override public String synopsis() { return "Retrieve results from a ENUMQUERY."; }
    @Override public String syntax() { return "ENUMRESULT(id,resultnum)"; }

    @Override
    public String description() {
        return """
                This function will retrieve results from a previous use of the ENUMQUERY function.
                id: the identifier returned by ENUMQUERY.
                resultnum: the number of the result to fetch (from 1, the full URI, scheme kept); getnum returns
                the number of results.""";
    }

    @Override
    public String read(Channel c, String args) {
        List<String> a = AppArgs.split(args);
        String id = AppArgs.arg(a, 0).trim();
        String which = AppArgs.arg(a, 1).trim();
        if (id.isEmpty() || which.isEmpty()) {
            PbxLog.warning("func_enum.c", "ENUMRESULT requires two arguments (id and resultnum)");
            return "";
        }
        EnumQueryFunction.Queries q = EnumQueryFunction.queries(c, false);
        List<String> results = q == null ? null : q.byId.get(id);
        if (results == null) {
            PbxLog.warning("func_enum.c", "No query with ID '" + id + "' found");
            return "";
        }
        if (which.equalsIgnoreCase("getnum")) return Integer.toString(results.size());
        int n;
        try {
            n = Integer.parseInt(which);
        } catch (NumberFormatException e) {
            PbxLog.warning("func_enum.c", "Invalid result number: " + which);
            return "";
        }
        if (n < 1) {
            PbxLog.warning("func_enum.c", "Invalid result number: " + which);
            return "";
        }
        return n <= results.size() ? results.get(n - 1) : "";
    }
}
