package org.switchboard.core;

/**
 * A channel technology ({@code SIP}, {@code Local}, {@code Skype}): makes outbound channels for Dial
 * and Originate. Registered by its module's {@link Module#register}: {@code ctx.channelDriver(new SipChannelDriver())}.
 */
public interface ChannelDriver {
    /** As written in a dial string, matched case-insensitively: {@code Local}. */
    String technology();
    String description();

    /** Called once when the module loads; decline by throwing {@link ModuleDeclinedException}. */
    default void load(Pbx pbx) throws ModuleDeclinedException {}
    default void unload() {}

    /**
     * The destinations one dial string stands for when Dial should ring several at once
     * ({@code PJSIP/alice} with two registered phones); most technologies: just {@code data}.
     * Never throws; {@link #request} reports what is wrong with a destination.
     */
    default java.util.List<String> forks(Pbx pbx, String data) { return java.util.List.of(data); }

    /**
     * Creates an outbound channel, not yet called.
     *
     * @param data the part after {@code Tech/}
     * @param requestor the channel that dials, or null (originate)
     * @throws ChannelUnavailableException with a Q.850 cause when it cannot
     */
    Channel request(Pbx pbx, String data, Channel requestor) throws ChannelUnavailableException;
}
