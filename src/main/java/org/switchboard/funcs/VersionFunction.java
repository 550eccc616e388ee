package org.switchboard.funcs;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.res.manager.ManagerModule;

/**
 * {@code VERSION([info])} (func_version.c). Without info: Switchboard's version. Asterisk's
 * build facts come from the machine that configured it; Switchboard has no such step, so they
 * describe the running host and the jar, and ASTERISK_VERSION_NUM is the Asterisk release whose
 * dialplan and Manager behaviour Switchboard follows.
 */
public final class VersionFunction extends BaseFunction {
    public VersionFunction() {
        super("VERSION", "func_version", "Return the Version info for this Asterisk.", "VERSION([info])", """
                Without info, returns Switchboard's version, e.g. "Switchboard 0.1.0" (where
                Asterisk returns e.g. 20.5.0). info, in any case, is one of:
                ASTERISK_VERSION_NUM - the Asterisk version Switchboard behaves as, in Asterisk's
                  digits (major, then minor and patch in two digits each): 200000 for 20.0.0, so
                  tests like $[${VERSION(ASTERISK_VERSION_NUM)} >= 160000] keep working;
                BUILD_USER - the user running Switchboard;
                BUILD_HOSTNAME - the host's name;
                BUILD_MACHINE - the machine type, as uname -m (x86_64, aarch64);
                BUILD_OS - the operating system (Linux);
                BUILD_KERNEL - the kernel release;
                BUILD_DATE - when Switchboard's jar was built, as 2024-01-31 12:00:00 UTC.
                Asterisk records these when it is configured; Switchboard has no configure step,
                so they describe the machine it runs on. Any other info gives the version.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String info = FuncArgs.standard(data, 1)[0];
        if (FuncArgs.isEmpty(info)) return Pbx.VERSION;
        return switch (info.toUpperCase(Locale.ROOT)) {
            case "ASTERISK_VERSION_NUM" -> versionNum(ManagerModule.ASTERISK_VERSION);
            case "BUILD_USER" -> System.getProperty("user.name", "");
            case "BUILD_HOSTNAME" -> Build.HOSTNAME;
            case "BUILD_MACHINE" -> machine(System.getProperty("os.arch", ""));
            case "BUILD_OS" -> System.getProperty("os.name", "");
            case "BUILD_KERNEL" -> System.getProperty("os.version", "");
            case "BUILD_DATE" -> Build.DATE;
            default -> Pbx.VERSION;
        };
    }

    /** Asterisk's ast_get_version_num form: 20.5.1 is 200501, 1.6.2 is 10602. */
    static String versionNum(String version) {
        String[] p = version.split("\\.");
        int n = 0;
        for (int i = 0; i < 3; i++) n = n * 100 + (i < p.length ? FuncArgs.atoi(p[i]) : 0);
        return Integer.toString(n);
    }

    /** uname -m names for the JVM's os.arch. */
    private static String machine(String arch) {
        return switch (arch) {
            case "amd64" -> "x86_64";
            case "x86" -> "i686";
            default -> arch;
        };
    }

    /** Looked up once: the host name can need a slow resolver, the jar's date a file system call. */
    private static final class Build {
        static final String HOSTNAME = hostname();
        static final String DATE = jarDate();

        private static String hostname() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "localhost";
            }
        }

        private static String jarDate() {
            try {
                Path code = Path.of(VersionFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                        .format(Files.getLastModifiedTime(code).toInstant().atOffset(ZoneOffset.UTC));
            } catch (Exception e) {
                return "";
            }
        }
    }
}
