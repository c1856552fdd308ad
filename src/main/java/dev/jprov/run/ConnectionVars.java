package dev.jprov.run;

import dev.jprov.engine.Reach;
import dev.jprov.engine.RunOptions;
import dev.jprov.engine.Templating;
import dev.jprov.inventory.HostConnection;
import dev.jprov.transport.ConnectionSpec;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
                ConnectionSpec.DEFAULT_KEEP_ALIVE, home);
    }

    Reach reach(String name, Map<String, Object> vars) {
        // Renders only the few variables HostConnection reads, when it reads them (not every ansible_* fact).
        Map<String, Object> rendered = new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                Object v = vars.get(key);
                return v == null ? null : templating.render(v, vars, null);
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new UnsupportedOperationException("connection variables are read by name");
            }
        };
        HostConnection c = HostConnection.from(name, rendered, defaults.home());
        // Checked for every host, as the other connection variables are, even where no become is made.
        ConnectionSpec.Become become = ConnectionDefaults.become(c);
        return switch (c.kind()) {
            case SSH -> new Reach.Ssh(defaults.spec(c));
            case LOCAL -> new Reach.Local(become);
            case JAIL -> new Reach.Jail(c.jailHost().orElseThrow(), c.jailName());
        };
    }
}
