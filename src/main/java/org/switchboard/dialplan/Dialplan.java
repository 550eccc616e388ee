package org.switchboard.dialplan;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole dialplan: an immutable snapshot swapped in whole on reload, so calls in progress
 * keep the one they started with until their next lookup.
 */
public final class Dialplan {
    /** Asterisk stops following includes this deep (AST_PBX_MAX_STACK). */
    private static final int MAX_INCLUDE_DEPTH = 128;

    /** A priority found for a channel, with the extension it belongs to. */
    public record Found(DialplanContext context, Extension extension, Priority priority) {}

    private final Map<String, DialplanContext> contexts;
    private final Map<String, String> globals;
    private final DialplanSettings settings;

    Dialplan(Map<String, DialplanContext> contexts, Map<String, String> globals, DialplanSettings settings) {
        this.contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
        this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        this.settings = settings;
    }

    public static Dialplan empty() { return new Dialplan(Map.of(), Map.of(), DialplanSettings.DEFAULT); }

    public DialplanContext context(String name) { return contexts.get(name); }
    public Collection<DialplanContext> contexts() { return contexts.values(); }
    /** [globals] as read from the file, applied to the PBX's global variables on load. */
    public Map<String, String> globals() { return globals; }
    public DialplanSettings settings() { return settings; }

    /** The priority the channel runs next, following includes; null when there is none. */
    public Found find(String context, String exten, int priority, String callerId) {
        return find(contexts.get(context), exten, priority, null, callerId, 0);
    }

    /** The priority carrying {@code label} in that extension, or null. */
    public Found findLabel(String context, String exten, String label, String callerId) {
        return find(contexts.get(context), exten, 0, label, callerId, 0);
    }

    public boolean exists(String context, String exten, int priority, String callerId) {
        return find(context, exten, priority, callerId) != null;
    }

    private Found find(DialplanContext ctx, String exten, int priority, String label, String cid, int depth) {
        if (ctx == null || depth > MAX_INCLUDE_DEPTH) return null;
        // the first extension in ext_cmp order that matches, fits the caller and has the priority
        if (label == null) {
            ExtensionGroup g = ctx.index().findBest(exten, x -> x.forCaller(cid, priority) != null);
            if (g != null) {
                Extension e = g.forCaller(cid, priority);
                return new Found(ctx, e, e.priority(priority));
            }
        } else {
            ExtensionGroup g = ctx.index().findBest(exten, x -> x.forCallerLabel(cid, label) != null);
            if (g != null) {
                Extension e = g.forCallerLabel(cid, label);
                return new Found(ctx, e, e.priority(e.labelPriority(label)));
            }
        }
        for (Include inc : ctx.includes()) {
            if (!inc.activeNow()) continue;
            Found f = find(contexts.get(inc.context()), exten, priority, label, cid, depth + 1);
            if (f != null) return f;
        }
        return null;
    }

    /** E_CANMATCH over the context and its includes: {@code exten} could still become an extension. */
    public boolean canMatch(String context, String exten, String callerId) {
        return canMatch(contexts.get(context), exten, callerId, 0);
    }

    private boolean canMatch(DialplanContext ctx, String exten, String cid, int depth) {
        if (ctx == null || depth > MAX_INCLUDE_DEPTH) return false;
        if (ctx.index().canMatch(exten, g -> g.matchesCaller(cid))) return true;
        for (Include inc : ctx.includes()) {
            if (inc.activeNow() && canMatch(contexts.get(inc.context()), exten, cid, depth + 1)) return true;
        }
        return false;
    }

    /**
     * E_MATCHMORE: more digits could still make a match. A {@code !} pattern that decides ends
     * the search without looking into includes, as pbx_find_extension does.
     */
    public boolean matchMore(String context, String exten, String callerId) {
        return Boolean.TRUE.equals(matchMore(contexts.get(context), exten, callerId, 0));
    }

    private Boolean matchMore(DialplanContext ctx, String exten, String cid, int depth) {
        if (ctx == null || depth > MAX_INCLUDE_DEPTH) return null;
        Boolean here = ctx.index().matchMoreDecision(exten, g -> g.matchesCaller(cid));
        if (here != null) return here;
        for (Include inc : ctx.includes()) {
            if (!inc.activeNow()) continue;
            Boolean r = matchMore(contexts.get(inc.context()), exten, cid, depth + 1);
            if (r != null) return r;
        }
        return null;
    }
}
