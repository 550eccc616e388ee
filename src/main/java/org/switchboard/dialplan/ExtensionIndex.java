package org.switchboard.dialplan;

import java.util.ArrayList;
import java.util.List;

// TEMPORARY STUB written by the lead so the tree compiles; the pattern engineer replaces this file whole.
public final class ExtensionIndex<T> {
    private final List<ExtensionPattern> ps = new ArrayList<>();
    private final List<T> vs = new ArrayList<>();
    public void add(ExtensionPattern pattern, T value) { ps.add(pattern); vs.add(value); }
    public T findBest(String exten) { List<T> a = allMatches(exten); return a.isEmpty() ? null : a.get(0); }
    public List<T> allMatches(String exten) { List<T> out = new ArrayList<>(); for (int i = 0; i < ps.size(); i++) if (ps.get(i).matches(exten)) out.add(vs.get(i)); return out; }
    public boolean canMatch(String exten) { return ps.stream().anyMatch(p -> p.canMatch(exten)); }
    public boolean matchMore(String exten) { return ps.stream().anyMatch(p -> p.matchMore(exten)); }
    public List<ExtensionPattern> orderedPatterns() { return List.copyOf(ps); }
}
