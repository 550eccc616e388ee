package org.switchboard.res.festival;

import java.nio.file.Path;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigSection;

/**
 * festival.conf {@code [general]} as app_festival reads it: {@code host} (localhost), {@code port}
 * (1314), {@code usecache} (no), {@code cachedir} (/tmp/; a relative path counts from the config
 * directory) and {@code festivalcommand}, where {@code \n} is a newline, a backslash takes the
 * next character as it is, and {@code %s} is the text.
 */
public record FestivalConfig(String host, int port, boolean useCache, Path cacheDir, String command) {
    public static final String FILE = "festival.conf";
    public static final String DEFAULT_COMMAND = "(tts_textasterisk \"%s\" 'file)(quit)\\n";

    public static FestivalConfig from(Config conf, Path configDir) {
        ConfigSection g = conf == null ? null : conf.section("general");
        String host = get(g, "host", "localhost");
        int port;
        try {
            port = Integer.parseInt(get(g, "port", "1314").trim());
        } catch (NumberFormatException e) {
            port = 0; // atoi: not a port; the connection attempt says so
        }
        boolean cache = isTrue(get(g, "usecache", "no"));
        Path dir = Path.of(get(g, "cachedir", "/tmp/").trim());
        if (!dir.isAbsolute() && configDir != null) dir = configDir.resolve(dir);
        return new FestivalConfig(host.trim(), port, cache, dir, get(g, "festivalcommand", DEFAULT_COMMAND));
    }

    /** The command for {@code text}, the escapes of festivalcommand applied. */
    public String commandFor(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && i + 1 < command.length()) {
                char n = command.charAt(++i);
                out.append(n == 'n' ? '\n' : n);
            } else if (c == '%' && i + 1 < command.length() && command.charAt(i + 1) == 's') {
                out.append(text);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String get(ConfigSection g, String key, String dflt) {
        String v = g == null ? null : g.get(key);
        return v == null ? dflt : v;
    }

    private static boolean isTrue(String v) { return org.switchboard.config.AstTrue.isTrue(v); }
}
