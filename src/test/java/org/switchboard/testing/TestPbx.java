package org.switchboard.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.switchboard.config.ConfigReader;
import org.switchboard.config.ConfigProblem;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * A PBX for tests: every module loaded, an optional dialplan from text, and the log lines an
 * admin would see captured for assertions: this PBX's own, and those written outside any PBX
 * (a library's thread). The thread that makes it works for it (so lines of apps and expressions
 * the test runs land in this PBX's log) until it is closed. Close it to unhook the log sink.
 */
public final class TestPbx implements AutoCloseable {
    public final Pbx pbx;
    public final List<String> log = new CopyOnWriteArrayList<>();
    private final Consumer<PbxLog.Line> sink = l -> log.add(l.text());
    private final PbxLog.Binding binding;

    public TestPbx() { this(null); }

    public TestPbx(Path configDir) {
        pbx = new Pbx(configDir);
        pbx.log().addSink(sink);
        PbxLog.process().addSink(sink);
        binding = PbxLog.bind(pbx.log());
        pbx.start();
    }

    /** Loads extensions.conf text; returns its problems (file:line: message). */
    public List<ConfigProblem> dialplan(String extensionsConf) {
        return pbx.loadDialplan(ConfigReader.parse("extensions.conf", extensionsConf, Path.of(".")));
    }

    /**
     * Loads the dialplan (failing on any problem in it), then runs a new channel named
     * {@code name} from context,exten,1 to its end on the calling thread.
     */
    public Channel runDialplan(String extensionsConf, String name, String context, String exten) {
        List<ConfigProblem> problems = dialplan(extensionsConf);
        if (!problems.isEmpty()) throw new AssertionError("dialplan problems: " + problems);
        Channel c = channel(name);
        c.setLocation(context, exten, 1);
        pbx.runPbx(c);
        return c;
    }

    /** The path a test dialplan took: its {@code Verbose(1,@step)} lines, in order, without the prefix blank. */
    public List<String> path() {
        return log.stream().filter(l -> l.startsWith(" @")).map(String::strip).toList();
    }

    /** A fresh channel that belongs to no technology, like the one {@code switchboard eval} uses. */
    public Channel channel() { return channel("Test/eval"); }

    public Channel channel(String name) {
        return pbx.allocChannel(name + "-" + pbx.channels().nextSuffix(), new ChannelTech() {}, null);
    }

    /** Substitutes text on the channel, as {@code ${...}} in a dialplan line would. */
    public String eval(Channel c, String text) { return pbx.substitute(c, text); }

    public String eval(String text) { return eval(channel(), text); }

    /** Log lines that contain the fragment, leaving out the {@code Executing [...]} lines that echo app arguments. */
    public List<String> said(String fragment) {
        return log.stream().filter(l -> l.contains(fragment) && !l.contains("Executing [")).toList();
    }

    /** The module that registered the dialplan function {@code name}, as the registry recorded it (null: none). */
    public String moduleOfFunction(String name) { return pbx.modules().moduleOf(pbx.modules().function(name)); }

    /** Log lines that contain the fragment. */
    public List<String> logLines(String fragment) { return log.stream().filter(l -> l.contains(fragment)).toList(); }

    @Override
    public void close() {
        pbx.shutdown();
        pbx.log().removeSink(sink);
        PbxLog.process().removeSink(sink);
        binding.close();
    }
}
