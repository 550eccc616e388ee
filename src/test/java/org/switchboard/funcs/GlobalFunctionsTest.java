package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.ManagerEvent;
import org.switchboard.testing.TestPbx;

/** func_global: GLOBAL, GLOBAL_EXISTS, VARIABLE_EXISTS, SHARED. */
class GlobalFunctionsTest {
    private final TestPbx pbx = new TestPbx();
    private final Channel chan = pbx.channel();

    @BeforeEach
    void forgetStartupLog() { pbx.log.clear(); }

    @AfterEach
    void close() { pbx.close(); }

    @Test
    void globalReadsOnlyGlobals() {
        GlobalFunction g = new GlobalFunction();
        pbx.pbx.globals().put("TRUNK", "SIP/provider");
        chan.setVar("TRUNK", "channel's own");
        assertThat(g.read(chan, "TRUNK")).isEqualTo("SIP/provider");
        assertThat(g.read(chan, "NOPE")).isEmpty();
        chan.setVar("ONLYCHAN", "x");
        assertThat(g.read(chan, "ONLYCHAN")).isEmpty();
    }

    @Test
    void globalWriteSetsForEveryChannel() {
        GlobalFunction g = new GlobalFunction();
        assertThat(g.writable()).isTrue();
        g.write(chan, "NIGHTMODE", "1");
        assertThat(pbx.pbx.globals()).containsEntry("NIGHTMODE", "1");
        assertThat(chan.getVar("NIGHTMODE")).isNull();
        assertThat(g.read(pbx.channel(), "NIGHTMODE")).isEqualTo("1");
        g.write(chan, "__MARKED", "m");
        assertThat(pbx.pbx.globals()).containsEntry("MARKED", "m");
        g.write(chan, "NIGHTMODE", "");
        assertThat(pbx.pbx.globals()).containsEntry("NIGHTMODE", "");
    }

    @Test
    void globalWithoutANameIsEmptyAndWriteWarns() {
        GlobalFunction g = new GlobalFunction();
        assertThat(g.read(chan, "")).isEmpty();
        g.write(chan, "", "x");
        assertThat(pbx.pbx.globals()).doesNotContainKey("");
        assertThat(pbx.logLines("GLOBAL() requires a variable name")).hasSize(1);
    }

    @Test
    void globalExistsTellsEmptyFromMissing() {
        GlobalExistsFunction f = new GlobalExistsFunction();
        pbx.pbx.globals().put("EMPTY", "");
        pbx.pbx.globals().put("FULL", "x");
        assertThat(f.read(chan, "EMPTY")).isEqualTo("1");
        assertThat(f.read(chan, "FULL")).isEqualTo("1");
        assertThat(f.read(chan, "MISSING")).isEqualTo("0");
        assertThat(f.read(chan, "")).isEqualTo("0");
        chan.setVar("CHANONLY", "x");
        assertThat(f.read(chan, "CHANONLY")).isEqualTo("0");
    }

    @Test
    void variableExistsLooksAtTheChannelOnly() {
        VariableExistsFunction f = new VariableExistsFunction();
        chan.setVar("EMPTY", "");
        chan.setVar("__INHERITED", "x");
        pbx.pbx.globals().put("GLOBALONLY", "x");
        assertThat(f.read(chan, "EMPTY")).isEqualTo("1");
        assertThat(f.read(chan, "INHERITED")).isEqualTo("1");
        assertThat(f.read(chan, "MISSING")).isEqualTo("0");
        assertThat(f.read(chan, "GLOBALONLY")).isEqualTo("0");
        assertThat(f.read(chan, "EXTEN")).isEqualTo("0");
        assertThat(f.read(chan, "")).isEqualTo("0");
        chan.unsetVar("EMPTY");
        assertThat(f.read(chan, "EMPTY")).isEqualTo("0");
    }

    @Test
    void sharedIsItsOwnNamespaceReachableFromOtherChannels() {
        SharedFunction s = new SharedFunction();
        Channel bob = pbx.channel("SIP/bob");
        List<ManagerEvent> events = new CopyOnWriteArrayList<>();
        pbx.pbx.events().subscribe(events::add);

        s.write(bob, "status", "busy");
        assertThat(s.read(bob, "status")).isEqualTo("busy");
        assertThat(bob.getVar("status")).isNull();
        assertThat(s.read(chan, "status")).isEmpty();                          // chan's own space is empty
        assertThat(s.read(chan, "status," + bob.name())).isEqualTo("busy");    // full name
        assertThat(s.read(chan, "status,SIP/bob")).isEqualTo("busy");          // name without the suffix
        s.write(chan, "status,SIP/bob", "free");
        assertThat(s.read(bob, "status")).isEqualTo("free");
        assertThat(events).filteredOn(e -> e.name().equals("VarSet"))
                .extracting(e -> e.get("Variable") + "=" + e.get("Value"))
                .containsExactly("SHARED(status)=busy", "SHARED(status)=free");
        assertThat(s.read(bob, "never")).isEmpty();
    }

    @Test
    void sharedWithoutArgumentsOrWithAMissingChannelIsLogged() {
        SharedFunction s = new SharedFunction();
        assertThat(s.read(chan, "")).isEmpty();
        s.write(chan, "", "x");
        assertThat(pbx.logLines("SHARED() requires an argument: SHARED(<var>[,<chan>])")).hasSize(2);
        assertThat(s.read(chan, "foo,SIP/nobody")).isEmpty();
        assertThat(pbx.logLines("Channel 'SIP/nobody' not found!  Variable 'foo' will be blank.")).hasSize(1);
        s.write(chan, "foo,SIP/nobody", "v");
        assertThat(pbx.logLines("Channel 'SIP/nobody' not found!  Variable 'foo' not set to 'v'.")).hasSize(1);
    }

    @Test
    void modulesAreAsterisks() {
        for (String name : new String[] {"GLOBAL", "GLOBAL_EXISTS", "VARIABLE_EXISTS", "SHARED"}) {
            assertThat(pbx.moduleOfFunction(name)).as(name).isEqualTo("func_global");
        }
    }
}
