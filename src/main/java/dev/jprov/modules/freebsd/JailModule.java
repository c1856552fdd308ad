package dev.jprov.modules.freebsd;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One jail: its definition (a managed stanza in /etc/jail.conf, or /etc/jail.conf.d/NAME.conf with
 * {@code style: file}) and whether it runs. Without params/vnet/mounts only the running state is managed.
 */
public final class JailModule implements Module {
    static final String NAME = "jail";

    @Override
    public List<String> names() {
        return List.of(NAME, "jprov.freebsd.jail");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = JailNameArg.check(NAME, "name", args.requireString("name", "jail"));
        String state = args.choice("state", "present", "present", "started", "stopped", "restarted", "absent");
        String style = args.choice("style", "stanza", "stanza", "file");
        Optional<String> confFile = args.string("conf_file");
        boolean restartOnChange = args.bool("restart_on_change", false);
        boolean comments = args.bool("comments", true);
        boolean hasParams = args.has("params");
        Map<String, Object> rawParams = args.map("params");
        Optional<Object> vnetSpec = args.value("vnet");
        List<Object> rawMounts = new ArrayList<>();
        args.value("mounts", "mount").ifPresent(v -> {
            if (!(v instanceof List<?> l)) throw new ArgsException(NAME + ": mounts must be a list");
            rawMounts.addAll(l);
        });
        args.finish();

        String conf = confFile.orElse(style.equals("file") ? "/etc/jail.conf.d/" + name + ".conf" : "/etc/jail.conf");
        if (!conf.startsWith("/") || conf.indexOf('\n') >= 0) {
            throw new ArgsException(NAME + ": conf_file must be an absolute path, got: " + conf);
        }
        List<String> mounts = new ArrayList<>();
        for (Object m : rawMounts) mounts.add(JailDefinition.mountLine(NAME, m));
        Map<String, JailParamValue> params = JailDefinition.readParams(NAME, rawParams, mounts);
        Optional<JailVnet> vnet = vnetSpec.filter(v -> !Boolean.FALSE.equals(v)).map(v -> JailVnet.of(NAME, name, v));
        if (vnet.isPresent() && (params.containsKey("vnet") || params.containsKey("vnet.interface"))) {
            throw new ArgsException(NAME + ": params vnet/vnet.interface and the vnet helper are mutually exclusive");
        }
        boolean managed = hasParams || vnet.isPresent() || !mounts.isEmpty();
        if (managed && state.equals("absent")) {
            throw new ArgsException(NAME + ": state=absent removes the definition; params, vnet and mounts do not apply");
        }
        if (!managed && state.equals("present")) {
            throw new ArgsException(NAME + ": state=present needs the definition (params, vnet or mounts)");
        }
        Optional<JailDefinition> definition = managed
                ? Optional.of(new JailDefinition(name, params, vnet, mounts, comments)) : Optional.empty();
        return new JailPlan(name, state, conf, style.equals("file"), definition, restartOnChange);
    }
}
