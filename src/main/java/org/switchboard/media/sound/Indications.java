package org.switchboard.media.sound;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigReader;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * The tone zones of indications.conf, as Asterisk's res_indications reads them: {@code [general]
 * country=} names the default zone; each other section is a country code with
 * {@code description}, {@code ringcadence} and named tones ({@code dial}, {@code busy},
 * {@code ring}, {@code congestion}, {@code callwaiting}, {@code dialrecall}, {@code record},
 * {@code info}, ...) written as {@link ToneGenerator} tone lists. Without an indications.conf the
 * built-in {@code us} and {@code uk} zones are used. Re-read when the file changes.
 */
public final class Indications {
    /** One country's tones. */
    public record Zone(String country, String description, int[] ringCadence, Map<String, String> tones) {
        public Optional<String> tone(String name) {
            return Optional.ofNullable(tones.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    static final String BUILT_IN = """
            [general]
            country=us

            [us]
            description = United States / North America
            ringcadence = 2000,4000
            dial = 350+440
            busy = 480+620/500,0/500
            ring = 440+480/2000,0/4000
            congestion = 480+620/250,0/250
            callwaiting = 440/300,0/10000
            dialrecall = !350+440/100,!0/100,!350+440/100,!0/100,!350+440/100,!0/100,350+440
            record = 1400/500,0/15000
            info = !950/330,!1400/330,!1800/330,0

            [uk]
            description = United Kingdom
            ringcadence = 400,200,400,2000
            dial = 350+440
            busy = 400/375,0/375
            ring = 400+450/400,0/200,400+450/400,0/2000
            congestion = 400/400,0/350,400/225,0/525
            callwaiting = 400/100,0/4000
            dialrecall = 350+440
            record = 1400/500,0/60000
            info = 950/330,0/15,1400/330,0/15,1800/330,0/1000
            """;

    /** The zones a PBX read last, with the file's time then; re-read when indications.conf changes. */
    private static final class Cached {
        volatile long modified = -1;
        volatile Indications value;
    }

    private final String defaultCountry;
    private final Map<String, Zone> zones;

    private Indications(String defaultCountry, Map<String, Zone> zones) {
        this.defaultCountry = defaultCountry;
        this.zones = zones;
    }

    /** The zones of a PBX: its indications.conf, or the built-in ones. */
    public static Indications of(Pbx pbx) {
        long modified = modified(pbx);
        Cached c = pbx.service(Cached.class, p -> new Cached());
        Indications v = c.value;
        if (v != null && c.modified == modified) return v;
        v = modified == 0 ? builtIn() : parse(pbx.config("indications.conf"));
        c.value = v;
        c.modified = modified;
        return v;
    }

    private static long modified(Pbx pbx) {
        if (!pbx.hasConfig("indications.conf")) return 0;
        try {
            return Math.max(1, Files.getLastModifiedTime(pbx.configDir().resolve("indications.conf")).toMillis());
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    public static Indications builtIn() { return parse(ConfigReader.parse("indications.conf", BUILT_IN, Path.of("."))); }

    /** Reads the zones; a bad tone or cadence is a warning with file:line, and that entry is left out. */
    public static Indications parse(Config conf) {
        conf.problems().forEach(p -> PbxLog.warning("res_indications.c", p.toString()));
        String country = "us";
        Map<String, Zone> zones = new LinkedHashMap<>();
        for (ConfigSection s : conf.sections()) {
            if (s.name().equalsIgnoreCase("general")) {
                country = s.get("country", country).trim().toLowerCase(Locale.ROOT);
                continue;
            }
            Map<String, String> tones = new LinkedHashMap<>();
            String description = "";
            int[] cadence = new int[0];
            for (ConfigEntry e : s.entries()) {
                String key = e.key().toLowerCase(Locale.ROOT);
                String value = e.value().trim();
                switch (key) {
                    case "description" -> description = value;
                    case "alias" -> { }   // old syntax; aliases are not needed here
                    case "ringcadence", "ringcadance" -> cadence = cadence(e);
                    default -> {
                        try {
                            ToneGenerator.parse(value);
                            tones.put(key, value);
                        } catch (IllegalArgumentException ex) {
                            PbxLog.warning("res_indications.c", e.file() + ":" + e.line() + ": tone '" + key + "' of ["
                                    + s.name() + "]: " + ex.getMessage());
                        }
                    }
                }
            }
            String code = s.name().toLowerCase(Locale.ROOT);
            zones.put(code, new Zone(code, description, cadence, Collections.unmodifiableMap(tones)));
        }
        if (!zones.containsKey(country) && !zones.isEmpty()) {
            PbxLog.warning("res_indications.c", "Default country '" + country + "' is not defined; using '"
                    + zones.keySet().iterator().next() + "'");
            country = zones.keySet().iterator().next();
        }
        return new Indications(country, Collections.unmodifiableMap(zones));
    }

    private static int[] cadence(ConfigEntry e) {
        String[] parts = e.value().split(",");
        int[] out = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i].trim());
            return out;
        } catch (NumberFormatException ex) {
            PbxLog.warning("res_indications.c", e.file() + ":" + e.line() + ": bad ringcadence '" + e.value() + "'");
            return new int[0];
        }
    }

    public String defaultCountry() { return defaultCountry; }

    public Map<String, Zone> zones() { return zones; }

    /** The zone of a country code, or the default zone when it is null, empty or unknown. */
    public Zone zone(String country) {
        Zone z = country == null ? null : zones.get(country.trim().toLowerCase(Locale.ROOT));
        if (z == null) z = zones.get(defaultCountry);
        return z != null ? z : builtIn().zones.get("us");
    }

    /** A named tone of a zone ({@code busy}), empty when the zone has none by that name. */
    public Optional<String> tone(String country, String name) { return zone(country).tone(name); }

    /** PlayTones' argument: a tone name of the zone, else the text itself as a tone list. */
    public String resolve(String country, String nameOrList) {
        return tone(country, nameOrList.trim()).orElse(nameOrList.trim());
    }
}
