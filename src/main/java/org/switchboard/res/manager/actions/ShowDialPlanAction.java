package org.switchboard.res.manager.actions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.switchboard.core.ManagerReply;
import org.switchboard.core.ManagerRequest;
import org.switchboard.dialplan.DialplanContext;
import org.switchboard.dialplan.Extension;
import org.switchboard.dialplan.ExtensionGroup;
import org.switchboard.dialplan.Include;
import org.switchboard.dialplan.Priority;

/** ShowDialPlan: a ListDialplan event per priority and include, then ShowDialPlanComplete. */
public final class ShowDialPlanAction extends BaseAction {
    public ShowDialPlanAction() {
        super("ShowDialPlan", "config,reporting", "Show dialplan contexts and extensions", """
                Action: ShowDialPlan
                [ActionID: <value>]
                [Extension: <exten>]
                [Context: <context>]""",
                "Show dialplan contexts and extensions. Be aware that showing the full dialplan may take a lot of capacity.");
    }

    @Override
    public void execute(ManagerRequest request, ManagerReply reply) {
        String wantContext = request.get("Context");
        String wantExten = request.get("Extension");
        List<DialplanContext> contexts = new ArrayList<>(request.pbx().dialplan().contexts());
        contexts.sort(Comparator.comparing(DialplanContext::name));
        if (!isBlank(wantContext) && contexts.stream().noneMatch(c -> c.name().equals(wantContext))) {
            reply.error("Did not find context " + wantContext);
            return;
        }
        reply.listStart("DialPlan list will follow");
        int nContexts = 0, nExtens = 0, nPrios = 0;
        for (DialplanContext ctx : contexts) {
            if (!isBlank(wantContext) && !ctx.name().equals(wantContext)) continue;
            nContexts++;
            for (ExtensionGroup g : ctx.groups()) {
                for (Extension e : g.variants()) {
                    if (!isBlank(wantExten) && !e.name().equals(wantExten)) continue;
                    nExtens++;
                    for (Priority p : e.priorities().values()) {
                        nPrios++;
                        Map<String, Object> f = fields("Context", ctx.name(), "Extension", e.name());
                        if (p.label() != null && !p.label().isEmpty()) f.put("ExtensionLabel", p.label());
                        f.put("Priority", p.number() == Priority.HINT ? "hint" : Integer.toString(p.number()));
                        f.put("Application", p.application());
                        f.put("AppData", p.data());
                        f.put("Registrar", "pbx_config");
                        reply.listItem("ListDialplan", f);
                    }
                }
            }
            if (isBlank(wantExten)) {
                for (Include i : ctx.includes()) {
                    reply.listItem("ListDialplan", fields("Context", ctx.name(), "IncludeContext", i.context(), "Registrar", "pbx_config"));
                }
            }
        }
        reply.listComplete("ShowDialPlanComplete", fields("ListExtensions", nExtens, "ListPriorities", nPrios, "ListContexts", nContexts));
    }
}
