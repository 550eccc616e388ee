package org.switchboard.res.manager.actions;

import java.util.Locale;

/** Which variable names reach outside the PBX (manager.c function_capable_string_allowed_with_auths). */
final class Setvars {
    private Setvars() {}

    static boolean dangerous(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        for (String f : new String[] {"SHELL(", "FILE(", "EVAL(", "SYSINFO(", "CURL("}) {
            if (n.contains(f)) return true;
        }
        return false;
    }
}
