package org.switchboard.channels.sip.registrar;

/** A change to a peer's registrations, for the driver's peer status, device state and logs. */
public record BindingEvent(Kind kind, Binding binding) {

    public enum Kind {
        /** A new contact. */
        ADDED,
        /** A contact re-registered (new expiry). */
        REFRESHED,
        /** Unregistered (Expires 0, Contact *), or replaced by a newer contact. */
        REMOVED,
        /** Ran out without a refresh. */
        EXPIRED
    }
}
