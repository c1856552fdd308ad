package dev.jprov.run;

import dev.jprov.playbook.KeyValueArgs;
import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlNode;
import dev.jprov.source.YamlReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * -e/--extra-vars as ansible-playbook reads them: {@code key=value ...} (values stay strings), a YAML or JSON
 * mapping, or {@code @file} (YAML/JSON). Later arguments win.
 */
final class ExtraVars {
    private ExtraVars() {}

    static Map<String, Object> parse(List<String> arguments, Path workingDirectory) {
        return parse(arguments, workingDirectory, new YamlReader());
    }

    /** {@code yaml} opens a vault-encrypted {@code @file} (or {@code !vault} values in it), as Ansible's loader does. */
    static Map<String, Object> parse(List<String> arguments, Path workingDirectory, YamlReader yaml) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String arg : arguments) {
            String a = arg.strip();
            if (a.isEmpty()) continue;
            YamlNode node;
            if (a.startsWith("@")) {
                node = yaml.read(workingDirectory.resolve(a.substring(1)));
            } else if (a.startsWith("{") || a.startsWith("[")) {
                node = yaml.read(Path.of("--extra-vars"), a);
            } else {
                out.putAll(KeyValueArgs.parse(a, false));
                continue;
            }
            if (node == null) continue;
            if (!(node.toPlain() instanceof Map<?, ?> m)) {
                throw new LoadException(node.location() == null ? SourceLocation.of(Path.of(a))
                        : node.location(), "extra vars must be a mapping of variable names to values");
            }
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }
}
