package org.switchboard;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigReader;
import org.switchboard.config.ConfigSyntax;
import org.switchboard.core.Application;
import org.switchboard.core.Channel;
import org.switchboard.core.DialplanFunction;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.HangupException;
import org.switchboard.core.ConfigValidator;
import org.switchboard.core.Module;
import org.switchboard.core.ModuleContext;
import org.switchboard.core.Modules;
import org.switchboard.core.ModulesConf;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;
import org.switchboard.dialplan.DialplanCheck;
import org.switchboard.dialplan.DialplanLoader;
import org.switchboard.res.cli.CliClient;
import org.switchboard.res.cli.CliServer;
import org.switchboard.res.cli.ControlSocket;
import org.switchboard.res.cli.RemoteConsole;
import org.switchboard.res.cli.ShutdownRequests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The command line, {@code bin/switchboard}: {@code run} the PBX, talk to a running one with
 * {@code -rx 'COMMAND'} or the {@code -r} console, {@code eval} dialplan text, {@code check} a
 * config directory. Exit status 0 is success, 1 a failure to do the job, 2 a usage error.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A PBX that runs Asterisk configuration and dialplans unchanged.",
        subcommands = {Main.Run.class, Main.Eval.class, Main.Check.class})
public final class Main implements Callable<Integer> {
    /** conf/ of the installation when started by bin/switchboard (SWITCHBOARD_HOME), else conf/ here. */
    static final Path DEFAULT_CONFIG_DIR = System.getenv("SWITCHBOARD_HOME") != null
            ? Path.of(System.getenv("SWITCHBOARD_HOME"), "conf") : Path.of("conf");

    @Spec
    CommandSpec spec;

    @Option(names = "-C", paramLabel = "confdir", description = "Config directory (default: conf)")
    Path configDir;

    @Option(names = "-r", description = "Interactive console on the running PBX")
    boolean remote;

    @Option(names = "-x", paramLabel = "COMMAND", description = "Run one console command on the running PBX (-rx 'core show channels')")
    String execute;

    /** The history file of the remote console (a field, so an embedder can point it elsewhere). */
    Path historyFile = RemoteConsole.defaultHistoryFile();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() { return new String[] {Pbx.VERSION}; }
    }

    Path configDir(Path own) { return own != null ? own : configDir != null ? configDir : DEFAULT_CONFIG_DIR; }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (execute == null && !remote) {
            spec.commandLine().usage(err);
            return 2;
        }
        Path socket = ControlSocket.forConfigDir(configDir(null));
        CliClient client;
        try {
            client = CliClient.connect(socket);
        } catch (IOException e) {
            err.println("Unable to connect to remote switchboard (does " + socket + " exist?)");
            err.flush();
            return 1;
        }
        try (client) {
            if (execute != null) {
                client.command(execute, out::println);
                out.flush();
                return 0;
            }
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                return new RemoteConsole(client, terminal, historyFile).run();
            }
        }
    }

    /** Prints log lines as the console of a foreground PBX shows them. */
    private static Consumer<PbxLog.Line> printer(PrintWriter w) {
        return line -> {
            w.println(line.text());
            w.flush();
        };
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the PBX in the foreground with an Asterisk-style console log.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        Main parent;

        @Spec
        CommandSpec spec;

        @Option(names = "-C", paramLabel = "confdir", description = "Config directory (default: conf)")
        Path configDir;

        @Option(names = "-v", description = "More verbose log (repeat: -vvv); the level starts at 3")
        boolean[] verbose = new boolean[0];

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = parent.configDir(configDir).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
                err.println("Unable to read config directory " + dir);
                err.flush();
                return 1;
            }
            PbxLog.setVerbose(3 + verbose.length);
            Consumer<PbxLog.Line> sink = printer(out);
            PbxLog.addSink(sink);
            Pbx pbx = new Pbx(dir);
            pbx.log().setVerbose(3 + verbose.length);
            CliServer server = new CliServer(pbx, ControlSocket.forConfigDir(dir));
            CountDownLatch stopRequested = new CountDownLatch(1);
            AtomicBoolean started = new AtomicBoolean();
            AtomicBoolean stopped = new AtomicBoolean();
            Runnable stop = () -> {
                if (!stopped.compareAndSet(false, true)) return;
                pbx.shutdown();
                server.stop();
                ShutdownRequests.unregister(pbx);
                if (started.get()) out.println("Switchboard cleanly ending (0).");
                out.flush();
                PbxLog.removeSink(sink);
            };
            // SIGINT/SIGTERM: stop as 'core stop now' does and leave with 0, not the JVM's 130/143
            Thread hook = new Thread(() -> {
                stop.run();
                Runtime.getRuntime().halt(0);
            }, "switchboard-shutdown");
            try {
                out.println(Pbx.VERSION + ", a PBX that runs Asterisk configuration and dialplans unchanged.");
                out.println("  == Config directory " + dir);
                out.flush();
                try {
                    server.start();
                } catch (IOException e) {
                    err.println("Unable to open the control socket: " + e.getMessage());
                    err.flush();
                    return 1;
                }
                PbxLog.verbose(2, "Control socket " + server.socketPath());
                ShutdownRequests.register(pbx, stopRequested::countDown);
                Runtime.getRuntime().addShutdownHook(hook);
                pbx.start();
                started.set(true);
                stopRequested.await();
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } finally {
                stop.run();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the JVM is already shutting down (the hook runs or ran), or it was never added
                }
                PbxLog.removeSink(sink);
            }
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Print TEXT after dialplan substitution on a fresh channel (variables, functions, $[...]).")
    static final class Eval implements Callable<Integer> {
        @ParentCommand
        Main parent;

        @Spec
        CommandSpec spec;

        @Option(names = "-C", paramLabel = "confdir", description = "Config directory (default: none)")
        Path configDir;

        @Option(names = "-v", paramLabel = "NAME=VALUE", description = "Set a channel variable first (repeatable)")
        List<String> variables = new ArrayList<>();

        @Option(names = "-e", paramLabel = "App(args)", description = "Run an application on the channel first (repeatable, in order)")
        List<String> applications = new ArrayList<>();

        @Parameters(index = "0", paramLabel = "TEXT")
        String text;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = configDir != null ? configDir : parent.configDir;
            if (dir != null && (!Files.isDirectory(dir) || !Files.isReadable(dir))) {
                err.println("Unable to read config directory " + dir.toAbsolutePath().normalize());
                err.flush();
                return 1;
            }
            for (String v : variables) {
                if (v.indexOf('=') <= 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "-v takes NAME=VALUE, not '" + v + "'");
                }
            }
            // while the PBX starts only its warnings about the configuration matter here (modules that
            // decline for want of their config are the rule without -C); after that everything the
            // text and the applications log is shown
            AtomicBoolean started = new AtomicBoolean();
            Consumer<PbxLog.Line> print = printer(err);
            Consumer<PbxLog.Line> sink = line -> {
                if (started.get() || line.level().compareTo(PbxLog.Level.WARNING) >= 0 && !line.text().contains("]: loader.c: ")) {
                    print.accept(line);
                }
            };
            PbxLog.addSink(sink);
            Pbx pbx = new Pbx(dir == null ? null : dir.toAbsolutePath().normalize());
            try {
                pbx.start();
                started.set(true);
                Channel channel = pbx.allocChannel("Eval/eval-" + pbx.channels().nextSuffix(), new ChannelTech() {}, null);
                try {
                    for (String v : variables) {
                        int eq = v.indexOf('=');
                        channel.setVar(v.substring(0, eq), v.substring(eq + 1));
                    }
                    for (String e : applications) {
                        int open = e.indexOf('(');
                        int close = e.lastIndexOf(')');
                        String name = (open < 0 ? e : e.substring(0, open)).trim();
                        String data = open < 0 ? "" : close > open ? e.substring(open + 1, close) : e.substring(open + 1);
                        if (pbx.modules().application(name) == null) {
                            err.println("No application '" + name + "' (from -e '" + e + "')");
                            err.flush();
                            return 1;
                        }
                        try {
                            pbx.execute(channel, name, pbx.substitute(channel, data));
                        } catch (HangupException ex) {
                            // the application hung the channel up: its variables are still there to print
                        }
                    }
                    out.println(pbx.substitute(channel, text));
                    out.flush();
                    return 0;
                } finally {
                    channel.hangup();
                }
            } finally {
                pbx.shutdown();
                err.flush();
                PbxLog.removeSink(sink);
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read every config file, print each problem as file:line: message; exit 1 on any.")
    static final class Check implements Callable<Integer> {
        @ParentCommand
        Main parent;

        @Spec
        CommandSpec spec;

        @Option(names = "-C", paramLabel = "confdir", description = "Config directory (default: conf)")
        Path configDir;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = parent.configDir(configDir).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
                err.println("Unable to read config directory " + dir);
                err.flush();
                return 1;
            }
            List<String> all;
            try (Stream<Path> s = Files.list(dir)) {
                all = s.filter(p -> p.getFileName().toString().endsWith(".conf") && Files.isRegularFile(p))
                        .map(p -> p.getFileName().toString()).sorted().toList();
            }
            // shell-style files that share the suffix (ast_debug_tools.conf, dbsep.conf) are not Asterisk's to read
            List<String> foreign = all.stream().filter(f -> ConfigSyntax.isForeign(dir.resolve(f))).toList();
            List<String> files = all.stream().filter(f -> !foreign.contains(f)).toList();
            Set<String> problems = new LinkedHashSet<>();
            Set<ConfigProblem> warnings = new TreeSet<>(Comparator.comparing(ConfigProblem::file)
                    .thenComparingInt(ConfigProblem::line).thenComparing(ConfigProblem::message));
            Map<String, Config> read = new java.util.LinkedHashMap<>();
            Set<String> fragments = new TreeSet<>(); // read through another file's #include
            for (String f : files) {
                Config c = ConfigReader.read(dir, f);
                read.put(f, c);
                fragments.addAll(c.includes());
            }
            Config modulesConf = read.get("modules.conf");
            for (Map.Entry<String, Config> e : read.entrySet()) {
                // a fragment (extensions_custom.conf, ...) is judged where it is included, not alone
                if (fragments.contains(e.getKey()) || e.getKey().equals("extensions.conf")) continue;
                e.getValue().problems().forEach(p -> problems.add(p.toString()));
            }
            List<ModuleContext> wouldLoad = wouldLoad(ModulesConf.of(modulesConf));
            for (ModuleContext m : wouldLoad) {
                for (ConfigValidator v : m.configValidators()) problems.addAll(v.check(dir));   // each module's own validation
            }
            Config extensionsConf = read.get("extensions.conf");
            if (extensionsConf != null) {
                DialplanLoader.Result r = DialplanLoader.load(extensionsConf);
                r.problems().forEach(p -> problems.add(p.toString()));
                warnings.addAll(r.warnings());
                warnings.addAll(DialplanCheck.warnings(r.dialplan(), loadedApplications(wouldLoad), loadedFunctions(wouldLoad)));
            }
            problems.forEach(out::println);
            warnings.forEach(out::println);
            if (!foreign.isEmpty()) {
                out.println("not in Asterisk's config syntax, left alone: " + String.join(", ", foreign));
            }
            out.println(plural(files.size(), "file") + " checked in " + dir + ": " + plural(problems.size(), "problem") + ", "
                    + plural(warnings.size(), "warning") + (warnings.isEmpty() ? "" : " (warnings do not fail the check)"));
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }

        /**
         * What each module modules.conf lets load would register, collected without loading any
         * (no PBX, nothing started), in load order.
         */
        static List<ModuleContext> wouldLoad(ModulesConf conf) {
            List<ModuleContext> out = new ArrayList<>();
            for (Module m : Modules.discover()) {
                if (!conf.loads(m.name())) continue;
                ModuleContext ctx = ModuleContext.collecting(m.name());
                m.register(ctx);
                out.add(ctx);
            }
            return out;
        }

        /** The applications a PBX on this directory would have, lower-cased. */
        static Set<String> loadedApplications(List<ModuleContext> modules) {
            Set<String> names = new TreeSet<>();
            for (ModuleContext m : modules) {
                for (Application app : m.applications()) names.add(app.name().toLowerCase(Locale.ROOT));
            }
            return names;
        }

        /** The functions a PBX on this directory would have, upper-cased (as {@link #loadedApplications}). */
        static Set<String> loadedFunctions(List<ModuleContext> modules) {
            Set<String> names = new TreeSet<>();
            for (ModuleContext m : modules) {
                for (DialplanFunction f : m.functions()) names.add(f.name().toUpperCase(Locale.ROOT));
            }
            return names;
        }
    }
    static String plural(long n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }
}
