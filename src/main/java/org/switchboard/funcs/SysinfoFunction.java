package org.switchboard.funcs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.switchboard.core.Channel;

/**
 * {@code SYSINFO(parameter)} (func_sysinfo.c): what sysinfo(2) and getloadavg(3) tell about the
 * machine, read here from /proc (Linux), with the PBX's own count of active calls.
 */
public final class SysinfoFunction extends BaseFunction {
    public SysinfoFunction() {
        super("SYSINFO", "func_sysinfo", "Returns system information specified by parameter.", "SYSINFO(parameter)", """
                Returns one fact about the system, parameter being one of (any case):
                loadavg - the load average of the past minute (0.250000);
                numcalls - the number of calls in progress;
                uptime - how long the system has been up, in whole hours;
                totalram, freeram, bufferram - total, free and buffer memory in KiB;
                totalswap, freeswap - total and free swap space in KiB;
                numprocs - the number of current processes (threads, as sysinfo counts them).
                All but loadavg and numcalls come from /proc on Linux; elsewhere they are an
                error, as on an Asterisk built without sysinfo. A missing parameter is a
                warning and an unknown one an error; both give nothing.""");
    }

    @Override
    public String read(Channel channel, String data) {
        if (FuncArgs.isEmpty(data)) {
            warn("Syntax: ${SYSINFO(<parameter>)} - missing argument!)");
            return "";
        }
        String p = data.toLowerCase(Locale.ROOT);
        switch (p) {
            case "loadavg" -> {
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                return String.format(Locale.ROOT, "%f", Math.max(load, 0));
            }
            case "numcalls" -> {
                return channel == null ? "0" : Integer.toString(channel.pbx().activeCalls());
            }
            case "uptime", "totalram", "freeram", "bufferram", "totalswap", "freeswap", "numprocs" -> {
                try {
                    return fromProc(p);
                } catch (IOException | RuntimeException e) {
                    error("FAILED to retrieve system information");
                    return "";
                }
            }
            default -> {
                error("Unknown sysinfo parameter type '" + data + "'.");
                return "";
            }
        }
    }

    private static String fromProc(String p) throws IOException {
        return switch (p) {
            case "uptime" -> Long.toString((long) Double.parseDouble(firstField(Path.of("/proc/uptime"))) / 3600);
            // the total after the slash: scheduling entities, which is what sysinfo's procs counts
            case "numprocs" -> Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[3].split("/")[1];
            default -> Long.toString(meminfo().get(switch (p) {
                case "totalram" -> "MemTotal";
                case "freeram" -> "MemFree";
                case "bufferram" -> "Buffers";
                case "totalswap" -> "SwapTotal";
                default -> "SwapFree";
            }));
        };
    }

    private static String firstField(Path file) throws IOException {
        return Files.readString(file).trim().split("\\s+")[0];
    }

    /** /proc/meminfo in KiB by name. */
    private static Map<String, Long> meminfo() throws IOException {
        Map<String, Long> m = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String[] v = line.substring(colon + 1).trim().split("\\s+");
            Long kib = FuncArgs.leadingLong(v[0]);
            if (kib != null) m.put(line.substring(0, colon), kib);
        }
        return m;
    }
}
