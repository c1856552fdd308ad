package dev.jprov.run;

import dev.jprov.engine.Reach;
import dev.jprov.engine.RunOptions;
import dev.jprov.engine.Templating;
import dev.jprov.inventory.ConnectionDefaults;
import dev.jprov.inventory.HostConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides how the executor reaches a host: renders the host's connection variables (they may be templates) and
 * reads them with the inventory's {@link HostConnection}, below which -u, --private-key, --timeout and
 * --accept-new-host-keys sit as Ansible's command-line values.
 */
final class ConnectionVars {
    private final Templating templating;
    private final ConnectionDefaults defaults;

    ConnectionVars(RunOptions options, Templating templating, Path home) {
        this.templating = templating;
        List<Path> keys = new ArrayList<>();
        options.privateKey().ifPresent(keys::add);
        this.defaults = new ConnectionDefaults(options.user().orElse(System.getProperty("user.name")), keys,
                options.acceptNewHostKeys(), options.connectTimeout(),
                dev.jprov.transport.ConnectionSpec.DEFAULT_KEEP_ALIVE, home);
    }

    Reach reach(String name, Map<String, Object> vars) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : vars.entrySet()) {
            if (e.getKey().startsWith("ansible_") || e.getKey().equals("jail_host")) {
                rendered.put(e.getKey(), templating.render(e.getValue(), vars, null));
            }
        }
        HostConnection c = HostConnection.from(name, rendered, defaults.home());
        return switch (c.kind()) {
            case SSH -> new Reach.Ssh(c.toSpec(defaults));
            case LOCAL -> new Reach.Local(c.become());
            case JAIL -> new Reach.Jail(c.jailHost().orElseThrow(), c.jailName());
        };
    }
}
