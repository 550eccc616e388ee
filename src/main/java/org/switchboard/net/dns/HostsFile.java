package org.switchboard.net.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hosts file ({@code address name alias...}, {@code #} comments), answered before the DNS as
 * res_resolver_unbound's {@code hosts} option does; a file that cannot be read answers nothing.
 */
public final class HostsFile {
    private HostsFile() {}

    /** The addresses {@code file} gives {@code name}, in file order. */
    public static List<InetAddress> lookup(Path file, String name) {
        List<InetAddress> out = new ArrayList<>();
        if (file == null) return out;
        String wanted = name.toLowerCase(Locale.ROOT);
        try {
            for (String line : Files.readAllLines(file)) {
                int hash = line.indexOf('#');
                String[] w = (hash >= 0 ? line.substring(0, hash) : line).strip().split("\\s+");
                if (w.length < 2) continue;
                for (int i = 1; i < w.length; i++) {
                    if (w[i].toLowerCase(Locale.ROOT).equals(wanted) && isLiteral(w[0])) {
                        out.add(InetAddress.getByName(w[0]));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // unreadable: nothing from it
        }
        return out;
    }

    /** An IPv4 or IPv6 literal (so that {@link InetAddress#getByName} never asks the DNS). */
    public static boolean isLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return true;
        return h.indexOf(':') >= 0 && h.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
    }

    /** The address of a literal host, or null when it is a name. */
    public static InetAddress literal(String host) {
        if (!isLiteral(host)) return null;
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
