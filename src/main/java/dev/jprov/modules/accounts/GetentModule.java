package dev.jprov.modules.accounts;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.RunEffects;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Cmd;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ansible's getent: runs FreeBSD's getent(1) (usr.bin/getent/getent.c: ethers group hosts networks passwd
 * protocols rpc services shells) as a read-only probe and turns each line into the fact {@code getent_DATABASE}:
 * the first field is the key, the rest its list (split on {@code split}; ':' for passwd and group, whitespace
 * otherwise; a key seen twice gets a list of lists). Exit codes as getent's: 1 unknown database, 2 a key not
 * found (a fact with the key set to null when {@code fail_key} is false), 3 no enumeration.
 * As root, FreeBSD's getent passwd shows the password hashes of master.passwd, and so does the fact.
 */
public final class GetentModule implements Module {
    static final String NAME = "getent";
    private static final List<String> COLON = List.of("passwd", "shadow", "group", "gshadow");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.builtin.getent");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String database = args.requireString("database");
        Optional<String> key = args.string("key");
        Optional<String> service = args.string("service");
        Optional<String> split = args.string("split");
        boolean failKey = args.bool("fail_key", true);
        args.finish();
        if (database.isEmpty()) throw new ArgsException(NAME + ": database must not be empty");
        return new GetentCall(database, key, service, split.or(() -> COLON.contains(database)
                ? Optional.of(":") : Optional.empty()), failKey);
    }

    record GetentCall(String database, Optional<String> key, Optional<String> service, Optional<String> split,
                      boolean failKey) implements ShellProbeInvocation {
        @Override
        public Probe.Shell probe() {
            List<String> argv = new ArrayList<>(List.of("getent", database));
            key.ifPresent(argv::add);
            service.ifPresent(s -> argv.addAll(List.of("-s", s)));
            List<Resource> reads = switch (database) {
                case "passwd" -> List.of(Resource.path("/etc/master.passwd"), Resource.path("/etc/passwd"));
                case "group" -> List.of(Resource.path("/etc/group"));
                default -> List.of(Resource.path("/etc/" + database));
            };
            return new Probe.Shell(Cmd.of(argv).toShell(), reads);
        }

        @Override
        public Planned plan(ProbeAnswer answer) {
            String tree = "getent_" + database;
            Map<String, Object> entries = new LinkedHashMap<>();
            String msg = switch (answer.exitCode()) {
                case 0 -> {
                    Map<String, Integer> seen = new LinkedHashMap<>();
                    for (String line : answer.stdout().split("\n")) {
                        if (line.isEmpty() && answer.stdout().isEmpty()) continue;
                        List<String> record = fields(line);
                        if (record.isEmpty()) continue;
                        String k = record.get(0);
                        List<String> rest = List.copyOf(record.subList(1, record.size()));
                        Integer n = seen.get(k);
                        if (n == null) {
                            entries.put(k, rest);
                            seen.put(k, 1);
                        } else {
                            if (n == 1) entries.put(k, new ArrayList<>(List.of(entries.get(k))));
                            @SuppressWarnings("unchecked")
                            List<Object> all = (List<Object>) entries.get(k);
                            all.add(rest);
                            seen.put(k, n + 1);
                        }
                    }
                    yield null;
                }
                case 1 -> "Missing arguments, or database unknown.";
                case 2 -> "One or more supplied key could not be found in the database.";
                case 3 -> "Enumeration not supported on this database.";
                default -> "Unexpected failure!";
            };
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put(tree, entries);
            Map<String, Object> result = new LinkedHashMap<>();
            if (msg == null || (answer.exitCode() == 2 && !failKey)) {
                if (msg != null) entries.put(key.orElse(null), null);
                result.put("ansible_facts", facts);
                if (msg != null) result.put("msg", msg);
                return Planned.ok(result).withEffects(RunEffects.gathers(facts));
            }
            return Planned.failed(msg, result);
        }

        /** Python's {@code line.split(split)}: on the exact separator, or on runs of whitespace when none is given. */
        private List<String> fields(String line) {
            if (split.isPresent()) return Arrays.asList(line.split(Pattern.quote(split.get()), -1));
            String t = line.strip();
            return t.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(t));
        }
    }
}
