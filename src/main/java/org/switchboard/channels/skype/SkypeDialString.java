package org.switchboard.channels.skype;

/**
 * The part after {@code Skype/} in a dial string: {@code buddy} calls from the default account;
 * {@code user@buddy} from account {@code user} when the text before the first {@code @} names a
 * configured account, else the whole text is the buddy's address ({@code alice@example.org} is a
 * JID called from the default account). No I/O.
 *
 * @param account the account named, or null for the default one
 * @param buddy   the buddy as written (a bare name or a JID)
 */
record SkypeDialString(String account, String buddy) {
    /** @throws IllegalArgumentException when nothing callable is left */
    static SkypeDialString parse(String data, SkypeConfig config) {
        String d = data == null ? "" : data.trim();
        if (d.isEmpty()) throw new IllegalArgumentException("Skype dial string names no buddy");
        int at = d.indexOf('@');
        if (at > 0 && config != null && config.account(d.substring(0, at)) != null) {
            String buddy = d.substring(at + 1).trim();
            if (buddy.isEmpty()) throw new IllegalArgumentException("Skype/" + d + " names no buddy after the account");
            return new SkypeDialString(config.account(d.substring(0, at)).name(), buddy);
        }
        return new SkypeDialString(null, d);
    }
}
