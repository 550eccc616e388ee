package org.switchboard.channels.skype;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.switchboard.core.Channel;
import org.switchboard.core.ChannelTech;
import org.switchboard.core.ManagerEvent;
import org.switchboard.core.Pbx;
import org.switchboard.core.PbxLog;

/**
 * A PBX on a config directory with its log lines and Manager events captured from before it
 * starts (so the first SkypeAccountStatus is seen), and helpers to run dialplan on channels.
 */
public final class SkypeTestPbx implements AutoCloseable {
    public final Pbx pbx;
    public final List<String> log = new CopyOnWriteArrayList<>();
    public final List<ManagerEvent> events = new CopyOnWriteArrayList<>();
    private final Consumer<PbxLog.Line> sink = l -> log.add(l.text());
    private final Consumer<ManagerEvent> recorder = events::add;

    public SkypeTestPbx(Path confDir) {
        PbxLog.addSink(sink);
        pbx = new Pbx(confDir);
        pbx.events().subscribe(recorder);
        pbx.start();
    }

    /** Stops keeping events and log lines (benchmarks). */
    public void stopRecording() {
        pbx.events().unsubscribe(recorder);
        PbxLog.removeSink(sink);
        events.clear();
        log.clear();
    }

    public SkypeModule skype() { return SkypeModule.get(pbx); }

    public SkypeAccount account(String name) { return skype().account(name); }

    /** Waits until the account is logged in. */
    public SkypeAccount loggedIn(String name) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> skype() != null && account(name) != null && account(name).isLoggedIn());
        return account(name);
    }

    public Channel channel() {
        return pbx.allocChannel("Test/skype-" + pbx.channels().nextSuffix(), new ChannelTech() {}, null);
    }

    /** Starts the dialplan at context,exten,1 on a new channel, on its own thread. */
    public Channel run(String context, String exten) {
        Channel c = channel();
        c.setLocation(context, exten, 1);
        pbx.startPbx(c);
        return c;
    }

    public List<ManagerEvent> events(String name) { return events.stream().filter(e -> e.name().equals(name)).toList(); }

    public List<ManagerEvent> events(String name, Predicate<ManagerEvent> p) { return events(name).stream().filter(p).toList(); }

    public List<String> logLines(String fragment) { return log.stream().filter(l -> l.contains(fragment)).toList(); }

    /** VarSet values of a variable, in order, from channels whose name starts with the prefix. */
    public List<String> varSets(String variable) {
        return events("VarSet", e -> variable.equals(e.get("Variable"))).stream().map(e -> e.get("Value")).toList();
    }

    public void awaitLog(String fragment, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> !logLines(fragment).isEmpty());
    }

    @Override
    public void close() {
        pbx.shutdown();
        PbxLog.removeSink(sink);
    }
}
