package org.switchboard.funcs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.core.Pbx;
import org.switchboard.res.cli.CliDispatcher;
import org.switchboard.testing.TestPbx;

/**
 * MIN/MAX/ABS warnings (func_math.c), DELETE and GLOBAL_DELETE (func_logic.c, func_global.c),
 * MASTER_CHANNEL across a Local channel (func_channel.c), VERSION (func_version.c) and IFMODULE
 * following module unload/load (func_module.c).
 */
class VariableAndInfoFunctionsTest {
    private TestPbx pbx;
    private Channel c;

    @BeforeEach
    void start() {
        pbx = new TestPbx();
        c = pbx.channel();
        pbx.log.clear();
    }

    @AfterEach
    void stop() { pbx.close(); }

    private String eval(String text) { return pbx.eval(c, text); }

    @Test
    void minMaxAbsWarnAboutWhatIsNotANumber() {
        assertThat(eval("[${MIN(abc,1)}][${MAX(1,x2)}][${ABS(nope)}]")).isEqualTo("[][][]");
        assertThat(pbx.said("'abc' is not a valid number")).singleElement()
                .satisfies(l -> assertThat(l).contains("WARNING", "func_math.c"));
        assertThat(pbx.said("'x2' is not a valid number")).hasSize(1);
        assertThat(pbx.said("Bad or missing argument for number: nope")).hasSize(1);
        pbx.log.clear();
        assertThat(eval("[${MAX()}][${ABS()}]")).isEqualTo("[][]");
        assertThat(pbx.said("Missing argument for number(s).")).singleElement()
                .satisfies(l -> assertThat(l).contains("ERROR", "func_math.c"));
        assertThat(pbx.said("Bad or missing argument for number: (null)")).hasSize(1);
    }

    @Test
    void minMaxAbsOfOrdinaryNumbersSayNothing() {
        assertThat(eval("${MIN(-1.25,3)} ${MAX(10,9)} ${ABS(-7)} ${MAX(nan,1)} ${ABS(-inf)}"))
                .isEqualTo("-1.250000 10 7 nan inf");   // nan < 1 is false, so MAX keeps num1
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void deleteRemovesTheVariableAndItsInheritedForm() {
        Channel run = pbx.runDialplan("""
                [t]
                exten => s,1,Set(__INHERIT=yes)
                 same => n,Set(PLAIN=1)
                 same => n,Set(DELETE(PLAIN)=ignored)
                 same => n,Set(DELETE(INHERIT)=)
                 same => n,Verbose(1,@ ${VARIABLE_EXISTS(PLAIN)}${VARIABLE_EXISTS(INHERIT)}[${PLAIN}])
                """, "Test/del", "t", "s");
        assertThat(pbx.path()).containsExactly("@ 00[]");
        assertThat(run.variables().snapshot()).doesNotContainKeys("PLAIN", "INHERIT", "__INHERIT");
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void readingDeleteIsAnError() {
        assertThat(eval("[${DELETE(X)}][${GLOBAL_DELETE(X)}]")).isEqualTo("[][]");
        assertThat(pbx.said("Function DELETE cannot be read")).hasSize(1);
        assertThat(pbx.said("Function GLOBAL_DELETE cannot be read")).hasSize(1);
    }

    @Test
    void globalDeleteRemovesTheGlobalForEveryChannel() {
        Channel other = pbx.channel();
        pbx.pbx.vars().set(c, "GLOBAL(SHARED_FLAG)", "on");
        assertThat(pbx.eval(other, "${SHARED_FLAG}")).isEqualTo("on");
        pbx.pbx.vars().set(c, "GLOBAL_DELETE(SHARED_FLAG)", "");
        assertThat(pbx.pbx.globals()).doesNotContainKey("SHARED_FLAG");
        assertThat(pbx.eval(other, "[${SHARED_FLAG}][${GLOBAL_EXISTS(SHARED_FLAG)}]")).isEqualTo("[][0]");
        pbx.pbx.vars().set(c, "GLOBAL_DELETE(NEVER_THERE)", "");
        assertThat(pbx.logLines("WARNING")).isEmpty();
    }

    @Test
    void masterChannelReachesTheCallerFromALocalChannel() {
        pbx.runDialplan("""
                [caller]
                exten => s,1,Set(WHO=caller)
                 same => n,Dial(Local/1@callee,5)
                 same => n,Verbose(1,@ ${DIALSTATUS} ${FROM_CALLEE})
                [callee]
                exten => 1,1,Verbose(1,@ callee sees ${MASTER_CHANNEL(WHO)} ${MASTER_CHANNEL(CHANNEL)})
                 same => n,Set(MASTER_CHANNEL(FROM_CALLEE)=hello)
                 same => n,Set(WHO=callee)
                 same => n,Busy(1)
                """, "Test/master", "caller", "s");
        assertThat(pbx.path()).hasSize(2);
        assertThat(pbx.path().get(0)).startsWith("@ callee sees caller Test/master-");
        assertThat(pbx.path().get(1)).isEqualTo("@ BUSY hello");
    }

    @Test
    void masterChannelFallsBackToTheChannelWhenTheMasterIsGone() {
        Channel gone = pbx.channel();
        Channel child = pbx.pbx.allocChannel("Test/child", new org.switchboard.core.ChannelTech() {}, gone);
        gone.hangup();
        pbx.pbx.vars().set(child, "MASTER_CHANNEL(X)", "kept here");
        assertThat(child.getVar("X")).isEqualTo("kept here");
        assertThat(pbx.eval(child, "${MASTER_CHANNEL(X)}")).isEqualTo("kept here");
    }

    @Test
    void versionGivesSwitchboardsVersionAndTheHost() {
        assertThat(eval("${VERSION()}")).isEqualTo(Pbx.VERSION);
        assertThat(eval("${VERSION(BUILD_OS)}")).isEqualTo(System.getProperty("os.name"));
        assertThat(eval("${VERSION(BUILD_KERNEL)}")).isEqualTo(System.getProperty("os.version"));
        assertThat(eval("${VERSION(BUILD_USER)}")).isEqualTo(System.getProperty("user.name"));
        assertThat(eval("${VERSION(BUILD_MACHINE)}")).isNotBlank().isNotEqualTo("amd64");
        assertThat(eval("${VERSION(BUILD_HOSTNAME)}")).isNotBlank();
        assertThat(eval("${VERSION(BUILD_DATE)}")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(eval("$[${VERSION(ASTERISK_VERSION_NUM)} >= 160000]")).isEqualTo("1");
        assertThat(VersionFunction.versionNum("1.6.2")).isEqualTo("10602");
        assertThat(VersionFunction.versionNum("10.3.0")).isEqualTo("100300");
    }

    @Test
    void ifModuleFollowsModuleUnloadAndLoad() {
        CliDispatcher cli = new CliDispatcher(pbx.pbx);
        java.io.StringWriter w = new java.io.StringWriter();
        assertThat(eval("${IFMODULE(chan_local.so)}")).isEqualTo("1");
        cli.execute("module unload chan_local.so", new java.io.PrintWriter(w, true));
        assertThat(eval("${IFMODULE(chan_local.so)}")).isEqualTo("0");
        cli.execute("module load chan_local", new java.io.PrintWriter(w, true));
        assertThat(eval("${IFMODULE(Chan_Local.so)}")).isEqualTo("1");
        assertThat(eval("${IFMODULE(func_groupcount.so)}${IFMODULE(func_env.so)}")).isEqualTo("11");
    }
}
