package org.switchboard.funcs;

import java.util.List;
import org.switchboard.config.Config;
import org.switchboard.config.ConfigSection;
import org.switchboard.core.Channel;
import org.switchboard.core.PbxLog;

/** {@code AST_CONFIG(config_file,category,variable_name[,index])} (func_config.c): a value from a configuration file. */
public final class AstConfigFunction extends BaseFunction {
    public AstConfigFunction() {
        super("AST_CONFIG", "func_config", "Retrieve a variable from a configuration file.",
                "AST_CONFIG(config_file,category,variable_name[,index])", """
                This function reads a variable from an Asterisk configuration file (in the
                configuration directory unless the name is an absolute path), from the first
                category of that name, with its templates applied.
                index: if the variable is given several times, 0 is the first (the default), -1
                the last (the effective value when a template set it first), any other number
                that occurrence. A missing file, category or variable reads as nothing.""");
    }

    @Override
    public String read(Channel channel, String data) {
        String[] a = FuncArgs.standard(data, 4);
        if (FuncArgs.isEmpty(a[0]) || FuncArgs.isEmpty(a[1]) || FuncArgs.isEmpty(a[2]) || channel == null) {
            PbxLog.warning("func_config.c", "AST_CONFIG requires config_file, category and variable_name");
            return "";
        }
        int index = 0;
        if (!FuncArgs.isEmpty(a[3])) {
            try {
                index = Integer.parseInt(a[3].strip());
            } catch (NumberFormatException e) {
                PbxLog.warning("func_config.c", "AST_CONFIG index '" + a[3] + "' is not a number");
                return "";
            }
        }
        if (!channel.pbx().hasConfig(a[0])) {
            PbxLog.error("func_config.c", "Config file '" + a[0] + "' not found");
            return "";
        }
        Config config = channel.pbx().config(a[0]);
        ConfigSection section = config.section(a[1]);
        if (section == null) return "";
        List<String> values = section.getAll(a[2]);
        if (values.isEmpty()) return "";
        int at = index == -1 ? values.size() - 1 : index;
        return at >= 0 && at < values.size() ? values.get(at) : "";
    }
}
