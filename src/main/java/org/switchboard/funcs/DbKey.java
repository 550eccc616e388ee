package org.switchboard.funcs;

/**
 * {@code family/key} as func_db splits it (AST_NONSTANDARD_APP_ARGS on '/'): the family ends at
 * the first '/', the key is the rest and may hold more slashes. Null when there is no '/'.
 */
record DbKey(String family, String key) {
    static DbKey parse(String args) {
        if (FuncArgs.isEmpty(args)) return null;
        String[] a = FuncArgs.separate(args, '/', true, 2);
        return a[1] == null ? null : new DbKey(a[0], a[1]);
    }
}
