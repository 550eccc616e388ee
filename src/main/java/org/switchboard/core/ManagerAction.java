package org.switchboard.core;

/**
 * One Manager (AMI) action, e.g. {@code Originate} or, from the Skype channel, {@code SkypeChatSend}.
 * A module contributes an action in its {@link Module#register}: {@code ctx.managerAction(new
 * SkypeChatSendAction())}; the Manager interface offers it while that module (chan_skype) runs. Names are
 * matched ignoring case, as Asterisk does.
 *
 * <p>{@link #execute} runs on the calling session's own virtual thread, one action at a time per
 * session, so it may block (a synchronous Originate waits for the answer). It answers through
 * {@link ManagerReply}, which adds the client's {@code ActionID} to the response and to every list
 * event. Events that are not an answer to this request (Skype's {@code SkypeChatMessage}, ...)
 * are published on {@link Pbx#events()} instead and reach every client whose read classes allow them.
 *
 * <p>A technology's action, e.g. in {@code org.switchboard.channels.skype}:
 * <pre>{@code
 * public final class SkypeChatSendAction implements ManagerAction {
 *     public String name() { return "SkypeChatSend"; }
 *     public String privilege() { return "call"; }
 *     public String synopsis() { return "Send a chat message to a Skype buddy."; }
 *     public String syntax() { return "Action: SkypeChatSend\nUser: <account>\nSkypename: <buddy>\nMessage: <text>"; }
 *     public String description() { return "..."; }
 *     public void execute(ManagerRequest r, ManagerReply reply) {
 *         String user = r.get("User"), buddy = r.get("Skypename"), text = r.get("Message");
 *         if (user == null || buddy == null) { reply.error("User and Skypename are required"); return; }
 *         // look the driver up through r.pbx().modules().driver("Skype"), send, then:
 *         reply.success("Message sent");
 *     }
 * }
 * }</pre>
 * A list action answers {@code reply.listStart("Buddies will follow")}, then
 * {@code reply.listItem("SkypeBuddyEntry", fields)} per entry, then
 * {@code reply.listComplete("SkypeBuddyListComplete", null)}.
 *
 * <p>Docs live with the code: {@link #synopsis()} is what {@code ListCommands} and
 * {@code manager show commands} print; {@link #syntax()} lists the headers it takes.
 */
public interface ManagerAction extends Documented {
    /**
     * The write classes that allow this action, comma separated as in manager.conf
     * ({@code "call"}, {@code "system,reporting"}); a user holding any one of them may run it.
     * Empty: every logged-in user may.
     */
    String privilege();

    /**
     * Handles one request. Must answer exactly once through {@code reply} (a response, or a list:
     * start, items, complete). A RuntimeException is answered with {@code Response: Error}.
     */
    void execute(ManagerRequest request, ManagerReply reply);
}
