package org.switchboard.dialplan;

import java.util.ArrayList;
import java.util.List;

/**
 * The extensions of one context that share a name: the caller-ID-matching variants come first,
 * as Asterisk orders them, then the one for any caller.
 */
public final class ExtensionGroup {
    private final ExtensionPattern pattern;
    private final List<Extension> variants = new ArrayList<>();

    ExtensionGroup(ExtensionPattern pattern) { this.pattern = pattern; }

    public ExtensionPattern pattern() { return pattern; }
    public List<Extension> variants() { return variants; }

    Extension variant(String callerIdText, boolean create) {
        for (Extension e : variants) {
            if (java.util.Objects.equals(e.callerIdText(), callerIdText)) return e;
        }
        if (!create) return null;
        Extension e = new Extension(pattern, callerIdText);
        variants.add(e);
        // Asterisk: an extension with a caller-ID match sorts before the same one without
        variants.sort((a, b) -> {
            if (a.callerIdText() == null) return b.callerIdText() == null ? 0 : 1;
            if (b.callerIdText() == null) return -1;
            return ExtensionPattern.parse(a.callerIdText()).compareTo(ExtensionPattern.parse(b.callerIdText()));
        });
        return e;
    }

    /** Whether any variant takes calls from this caller. */
    public boolean matchesCaller(String cidNum) {
        for (Extension e : variants) if (e.matchesCallerId(cidNum)) return true;
        return false;
    }

    /** The first variant that matches the caller and has the priority. */
    public Extension forCaller(String cidNum, int priority) {
        for (Extension e : variants) {
            if (e.matchesCallerId(cidNum) && e.priority(priority) != null) return e;
        }
        return null;
    }

    public Extension forCallerLabel(String cidNum, String label) {
        for (Extension e : variants) {
            if (e.matchesCallerId(cidNum) && e.labelPriority(label) != null) return e;
        }
        return null;
    }
}
