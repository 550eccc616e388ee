package org.switchboard.channels.sip.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigEntry;
import org.switchboard.config.ConfigProblem;
import org.switchboard.config.ConfigSection;

/**
 * acl.conf as Asterisk reads it (named ACLs, {@code main/named_acl.c}): each section is an ACL of
 * {@code permit}/{@code deny} lines, templates applied; sip.conf's {@code acl=} and pjsip.conf's
 * {@code acl=}/{@code contact_acl=} name them. An address must pass every list that applies
 * ({@link Combined}), as {@code ast_apply_acl} walks them.
 */
public record NamedAcls(Map<String, Acl> acls, List<ConfigProblem> problems) {
    public static final NamedAcls NONE = new NamedAcls(Map.of(), List.of());

    public NamedAcls {
        acls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(acls));
        problems = List.copyOf(problems);
    }

    /** Reads acl.conf; a bad line or an unknown option is a problem at its file:line and the rest loads. */
    public static NamedAcls read(Config conf) {
        if (conf == null) return NONE;
        ConfValues v = new ConfValues();
        Map<String, Acl> out = new LinkedHashMap<>();
        for (ConfigSection s : conf.sections()) {
            if (s.isTemplate()) continue;
            Acl acl = Acl.ALLOW_ALL;
            for (ConfigEntry e : s.entries()) {
                String k = e.key().toLowerCase(Locale.ROOT);
                if (k.equals("permit") || k.equals("deny")) {
                    Acl.Rule r = v.aclRule(e, k.equals("permit"));
                    if (r != null) acl = acl.with(r);
                } else {
                    v.problem(e, "unknown option '" + e.key() + "' in acl [" + s.name() + "] (permit, deny); ignored");
                }
            }
            if (out.putIfAbsent(s.name().toLowerCase(Locale.ROOT), acl) != null) {
                v.problems.add(new ConfigProblem(s.file(), s.line(), "acl [" + s.name() + "] is defined twice; the first one is kept"));
            }
        }
        List<ConfigProblem> problems = new ArrayList<>(conf.problems());
        problems.addAll(v.problems);
        return new NamedAcls(out, problems);
    }

    public Acl get(String name) { return name == null ? null : acls.get(name.strip().toLowerCase(Locale.ROOT)); }

    /** Several ACLs an address must all pass; empty passes everyone. */
    public record Combined(List<Acl> lists) {
        public static final Combined ALLOW_ALL = new Combined(List.of());

        public Combined {
            lists = List.copyOf(lists);
        }

        public boolean allows(InetAddress address) {
            for (Acl a : lists) if (!a.allows(address)) return false;
            return true;
        }

        public boolean isEmpty() { return lists.stream().allMatch(Acl::isEmpty); }
    }

    /**
     * Builds a {@link Combined} from a section's lines: {@code permitKey}/{@code denyKey} lines
     * form one list in order, each {@code aclKey} value (comma-separated names) adds a named list.
     * A name acl.conf does not have is a problem at the line and denies everyone, as Asterisk
     * fails closed on a missing named ACL.
     */
    public Combined combine(List<ConfigEntry> entries, String permitKey, String denyKey, String aclKey, ConfValues v) {
        Acl own = Acl.ALLOW_ALL;
        List<Acl> lists = new ArrayList<>();
        for (ConfigEntry e : entries) {
            String k = e.key().toLowerCase(Locale.ROOT);
            if (k.equals(permitKey) || k.equals(denyKey)) {
                Acl.Rule r = v.aclRule(e, k.equals(permitKey));
                if (r != null) own = own.with(r);
            } else if (k.equals(aclKey)) {
                for (String n : e.value().split(",")) {
                    if (n.isBlank()) continue;
                    Acl named = get(n);
                    if (named != null) {
                        lists.add(named);
                    } else {
                        v.problem(e, "acl '" + n.strip() + "' is not in acl.conf; every address is denied until it is");
                        lists.add(Acl.ALLOW_ALL.with(Acl.parseRule(false, "0.0.0.0/0")).with(Acl.parseRule(false, "::/0")));
                    }
                }
            }
        }
        if (!own.isEmpty()) lists.add(0, own);
        return new Combined(lists);
    }
}
