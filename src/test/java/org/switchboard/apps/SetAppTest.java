package org.switchboard.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.Channel;
import org.switchboard.testing.TestPbx;

/** Set and MSet: one assignment taken as written, several the old way. */
class SetAppTest {
    private TestPbx t;
    private Channel c;

    @BeforeEach
    void start() {
        t = new TestPbx();
        c = t.channel("Test/set");
    }

    @AfterEach
    void stop() { t.close(); }

    private void set(String data) { t.pbx.execute(c, "Set", data); }

    private void mset(String data) { t.pbx.execute(c, "MSet", data); }

    @Test
    void everythingAfterTheFirstEqualsSignIsTheValue() {
        set("A=1,2,3");
        set("B=x=y");
        set("C=\"quoted\" | bar");
        set("D=");
        assertThat(c.getVar("A")).isEqualTo("1,2,3");
        assertThat(c.getVar("B")).isEqualTo("x=y");
        assertThat(c.getVar("C")).isEqualTo("\"quoted\" | bar");
        assertThat(c.getVar("D")).isEmpty();
    }

    @Test
    void setFromADialplanLine() {
        assertThat(t.dialplan("[ctx]\nexten => s,1,Set(LIST=a,b,c)\n")).isEmpty();
        Channel d = t.channel("Test/set");
        d.setLocation("ctx", "s", 1);
        t.pbx.runPbx(d);
        assertThat(d.getVar("LIST")).isEqualTo("a,b,c");
    }

    @Test
    void underscoresMarkInheritance() {
        set("_ONCE=1");
        set("__ALWAYS=2");
        assertThat(c.getVar("ONCE")).isEqualTo("1");
        assertThat(c.variables().snapshot()).containsEntry("_ONCE", "1").containsEntry("__ALWAYS", "2");
    }

    @Test
    void functionsAreWritten() {
        set("GLOBAL(GX)=g1,g2");
        assertThat(t.pbx.globals()).containsEntry("GX", "g1,g2");
        assertThat(c.getVar("GX")).isNull();
    }

    @Test
    void arrayWritesSeveralVariables() {
        // needs func_strings' ARRAY registered
        set("ARRAY(a,b)=1,2");
        assertThat(c.getVar("a")).isEqualTo("1");
        assertThat(c.getVar("b")).isEqualTo("2");
    }

    @Test
    void badAssignmentsAreWarningsAndSetNothing() {
        set("");
        set("NOVALUE");
        set("SP ACE=x");
        assertThat(t.logLines("Set requires one variable name/value pair.")).hasSize(1);
        assertThat(t.logLines("Set requires an '=' to be a valid assignment.")).hasSize(1);
        assertThat(t.logLines("Please avoid unnecessary spaces on variables as it may lead to unexpected results ('SP ACE' set to 'x')."))
                .hasSize(1);
        assertThat(c.getVar("NOVALUE")).isNull();
    }

    @Test
    void unknownFunctionIsAnErrorNotACrash() {
        set("NOSUCHFUNC(x)=1");
        assertThat(t.logLines("Function NOSUCHFUNC not registered")).hasSize(1);
        assertThat(c.getVar("NOSUCHFUNC(x)")).isNull();
    }

    @Test
    void msetSetsSeveralAndStripsQuotes() {
        mset("A=1,B=\"two, three\",C=x\\,y,D=");
        assertThat(c.getVar("A")).isEqualTo("1");
        assertThat(c.getVar("B")).isEqualTo("two, three");
        assertThat(c.getVar("C")).isEqualTo("x,y");
        assertThat(c.getVar("D")).isEmpty();
    }

    @Test
    void msetSkipsEntriesWithoutEquals() {
        c.setLocation("ctx", "s", 4);
        mset("A=1,LONELY,B=2");
        assertThat(c.getVar("A")).isEqualTo("1");
        assertThat(c.getVar("B")).isEqualTo("2");
        assertThat(t.logLines("MSet: ignoring entry 'LONELY' with no '=' (in s@ctx:4")).hasSize(1);
        mset("");
        assertThat(t.logLines("MSet requires at least one variable name/value pair.")).hasSize(1);
    }
}
