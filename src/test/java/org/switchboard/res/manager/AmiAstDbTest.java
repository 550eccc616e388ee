package org.switchboard.res.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.DbDelAction;
import org.asteriskjava.manager.action.DbDelTreeAction;
import org.asteriskjava.manager.action.DbGetAction;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.event.DbGetResponseEvent;
import org.junit.jupiter.api.Test;

/** The Manager's AstDB actions, through asterisk-java's own classes and a raw client for bad input. */
class AmiAstDbTest {
    @Test
    void asteriskJavaPutsGetsAndDeletesEntries() throws Exception {
        try (ManagerFixture fx = new ManagerFixture()) {
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", fx.port(), ManagerFixture.USER, ManagerFixture.SECRET)
                    .createManagerConnection();
            c.login();
            try {
                assertThat(c.sendAction(new DbPutAction("cf", "100", "200")).getMessage()).isEqualTo("Updated database successfully");
                ResponseEvents got = c.sendEventGeneratingAction(new DbGetAction("cf", "100"), 10_000);
                assertThat(got.getResponse().getResponse()).isEqualTo("Success");
                assertThat(got.getEvents()).filteredOn(DbGetResponseEvent.class::isInstance).singleElement()
                        .satisfies(e -> {
                            DbGetResponseEvent r = (DbGetResponseEvent) e;
                            assertThat(r.getFamily()).isEqualTo("cf");
                            assertThat(r.getKey()).isEqualTo("100");
                            assertThat(r.getVal()).isEqualTo("200");
                        });
                assertThat(fx.test.eval("${DB(cf/100)}")).isEqualTo("200"); // the dialplan sees what AMI wrote
                assertThat(c.sendAction(new DbDelAction("cf", "100")).getMessage()).isEqualTo("Key deleted successfully");
                assertThat(c.sendAction(new DbDelAction("cf", "100")).getMessage()).isEqualTo("Database entry not found");
                c.sendAction(new DbPutAction("dnd", "100", "YES"));
                c.sendAction(new DbPutAction("dnd", "101", "YES"));
                assertThat(c.sendAction(new DbDelTreeAction("dnd", null)).getMessage()).isEqualTo("Key tree deleted successfully");
                assertThat(c.sendAction(new DbDelTreeAction("dnd", null)).getResponse()).isEqualTo("Error");
            } finally {
                c.logoff();
            }
        }
    }

    @Test
    void getTreeListsAFamilyAndMissingHeadersAreErrors() throws Exception {
        try (ManagerFixture fx = new ManagerFixture(); AmiTestClient c = fx.loggedIn()) {
            c.send("Action: DBPut", "Family: AMPUSER", "Key: 200/cidname", "Val: Alice");
            assertThat(c.readResponse()).containsEntry("Response", "Success");
            c.send("Action: DBPut", "Family: AMPUSER", "Key: 201/cidname", "Val: Bob");
            assertThat(c.readResponse()).containsEntry("Response", "Success");
            c.send("Action: DBGetTree", "Family: AMPUSER", "ActionID: t1");
            assertThat(c.readResponse()).containsEntry("EventList", "start").containsEntry("Message", "Result will follow");
            Map<String, String> first = c.read(), second = c.read(), done = c.read();
            assertThat(first).containsEntry("Event", "DBGetTreeResponse").containsEntry("Family", "AMPUSER")
                    .containsEntry("Key", "200/cidname").containsEntry("Val", "Alice").containsEntry("ActionID", "t1");
            assertThat(second).containsEntry("Key", "201/cidname").containsEntry("Val", "Bob");
            assertThat(done).containsEntry("Event", "DBGetTreeComplete").containsEntry("ListItems", "2");
            c.send("Action: DBGet", "Key: 100");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "No family specified.");
            c.send("Action: DBPut", "Family: x");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "No key specified");
            c.send("Action: DBPut", "Family: x", "Key: " + "k".repeat(300), "Val: v");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Failed to update entry");
            c.send("Action: DBGet", "Family: nope", "Key: nope");
            assertThat(c.readResponse()).containsEntry("Response", "Error").containsEntry("Message", "Database entry not found");
            c.send("Action: Ping");
            assertThat(c.readResponse()).containsEntry("Response", "Success"); // the session carries on
        }
    }
}
