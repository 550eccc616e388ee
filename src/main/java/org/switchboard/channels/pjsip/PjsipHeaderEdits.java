package org.switchboard.channels.pjsip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.switchboard.channels.sip.call.OutgoingHeaderEdits;
import org.switchboard.channels.sip.message.Headers;

/**
 * The headers PJSIP_HEADER(add,...) put on a channel, in the order added, for the INVITE the
 * channel sends (res_pjsip_header_funcs keeps them in a datastore the same way). update and
 * remove act on these only, never on headers the stack writes itself.
 */
final class PjsipHeaderEdits implements OutgoingHeaderEdits {
    private record Header(String name, String value) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Header> added = new ArrayList<>();

    void add(String name, String value) {
        lock.lock();
        try {
            added.add(new Header(name, value));
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the value of the {@code number}th added header called {@code name}; false when there is none. */
    boolean update(String name, int number, String value) {
        lock.lock();
        try {
            int seen = 0;
            for (int i = 0; i < added.size(); i++) {
                if (added.get(i).name().equalsIgnoreCase(name) && ++seen == number) {
                    added.set(i, new Header(added.get(i).name(), value));
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Removes every added header called {@code name} (or starting with it, for {@code name*}); how many went. */
    int remove(String name) {
        boolean prefix = name.endsWith("*");
        String n = (prefix ? name.substring(0, name.length() - 1) : name).toLowerCase(Locale.ROOT);
        lock.lock();
        try {
            int before = added.size();
            added.removeIf(h -> prefix ? h.name().toLowerCase(Locale.ROOT).startsWith(n) : h.name().equalsIgnoreCase(n));
            return before - added.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void applyTo(Headers.Builder headers) {
        lock.lock();
        try {
            for (Header h : added) headers.addLine(h.name(), h.value());
        } finally {
            lock.unlock();
        }
    }
}
