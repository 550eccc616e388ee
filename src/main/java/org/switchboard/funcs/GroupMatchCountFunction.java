package org.switchboard.funcs;

import java.util.regex.Pattern;
import org.switchboard.core.Channel;

/** {@code GROUP_MATCH_COUNT(groupmatch[@category])} (func_groupcount.c, ast_app_group_match_get_count). */
public final class GroupMatchCountFunction extends BaseFunction {
    public GroupMatchCountFunction() {
        super("GROUP_MATCH_COUNT", "func_groupcount",
                "Counts the number of channels in the groups matching the specified pattern.",
                "GROUP_MATCH_COUNT(groupmatch[@category])", """
                Returns how many live channels are in a group whose name matches the POSIX
                extended regular expression groupmatch, and, when category is given, whose
                category matches that expression too. The expressions match anywhere in the name
                (use ^ and $ to anchor them) and are case-sensitive. An expression that does not
                compile is an error and counts 0; an empty groupmatch gives nothing.
                Example: ${GROUP_MATCH_COUNT(^trunk-.*@outbound)}.""");
    }

    @Override
    public String read(Channel channel, String data) {
        ChannelGroups.Name name = ChannelGroups.Name.split(data);
        if (name.group().isEmpty() || channel == null) return "";
        Pattern group = compile(name.group());
        if (group == null) return "0";
        Pattern category = null;
        if (!name.category().isEmpty() && (category = compile(name.category())) == null) return "0";
        Pattern cat = category;
        return Integer.toString(ChannelGroups.of(channel.pbx()).matching(m -> group.matcher(m.group()).find()
                && (cat == null || (!m.category().isEmpty() && cat.matcher(m.category()).find()))).size());
    }

    /** regcomp(REG_EXTENDED), or null after Asterisk's error. */
    private Pattern compile(String ere) {
        try {
            return Pattern.compile(RegexFunction.toJava(ere));
        } catch (IllegalArgumentException e) {
            error("Regex compile failed on: " + ere);
            return null;
        }
    }
}
