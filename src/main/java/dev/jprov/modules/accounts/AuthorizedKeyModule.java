package dev.jprov.modules.accounts;

import dev.jprov.facts.FileContent;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ansible.posix.authorized_key: keys present in or absent from a user's authorized_keys (~/.ssh/authorized_keys
 * from the user's home, or {@code path}), as enforce_state does it: {@code key_options} and {@code comment} replace
 * the key's own, {@code exclusive} drops every other line, a key whose options or comment differ is rewritten at
 * the end of the file. When it writes, ~/.ssh is made 0700 and owned by the user ({@code manage_dir}) and the file
 * 0600 and owned by the user and their primary group. A {@code key} starting with "http" is fetched by the target
 * with fetch(1) while probing, as Ansible's module fetches it on the target.
 */
public final class AuthorizedKeyModule implements Module {
    static final String NAME = "authorized_key";

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.posix.authorized_key");
    }

    record Spec(String user, String key, Optional<String> path, boolean manageDir, boolean present,
                Optional<String> keyOptions, boolean exclusive, Optional<String> comment, boolean validateCerts,
                boolean follow) {}

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String user = args.requireString("user");
        String key = args.requireString("key");
        Optional<String> path = args.string("path");
        boolean manageDir = args.bool("manage_dir", true);
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        Optional<String> keyOptions = args.string("key_options");
        boolean exclusive = args.bool("exclusive", false);
        Optional<String> comment = args.string("comment");
        boolean validateCerts = args.bool("validate_certs", true);
        boolean follow = args.bool("follow", false);
        args.finish();
        path.ifPresent(p -> {
            if (!p.startsWith("/")) {
                throw new ArgsException(NAME + ": path '" + p + "' must be an absolute path");
            }
        });
        Spec spec = new Spec(user, key, path, manageDir, present, keyOptions, exclusive, comment, validateCerts, follow);
        if (!key.startsWith("http")) {
            for (String line : wantedLines(key)) {
                if (AuthorizedKeys.parse(line, 0).filter(l -> l.type().isPresent()).isEmpty()) {
                    throw new ArgsException("invalid key specified: " + line);
                }
            }
        }
        return new AuthorizedKeyCall(spec);
    }

    /** The key argument's lines that name keys: not blank, not comments. */
    static List<String> wantedLines(String key) {
        List<String> out = new ArrayList<>();
        for (String s : key.split("\\r\\n|\\n|\\r")) if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
        return out;
    }

    record AuthorizedKeyCall(Spec spec) implements ShellProbeInvocation {
        @Override
        public Probe.Shell probe() {
            ShellScript s = ShellScript.create()
                    .line("jp_u=$(awk -F: -v n={} '$1 == n { print $3 \":\" $4 \":\" $6; exit }' /etc/passwd)", spec.user())
                    .raw("if [ -n \"$jp_u\" ]; then echo \"user=$jp_u\"; fi");
            if (spec.path().isPresent()) {
                s.line("jp_f={}", spec.path().get());
            } else {
                s.raw("if [ -z \"$jp_u\" ]; then echo nouser; exit 0; fi")
                        .raw("jp_f=\"${jp_u#*:*:}/.ssh/authorized_keys\"");
            }
            s.raw("echo \"file=$jp_f\"")
                    .raw("if [ -e \"$jp_f\" ]; then echo \"real=$(realpath \"$jp_f\")\"; fi");
            if (spec.key().startsWith("http")) {
                // $(...) so that fetch's own exit status decides (a pipe's is od's); keys are text
                String flags = spec.validateCerts() ? "" : "--no-verify-peer ";
                s.raw("echo fetched").line("if jp_k=$(fetch -q -o - " + flags + "{}); then printf '%s\\n' \"$jp_k\" "
                        + "| od -An -v -tx1; else echo fetchfailed; fi", spec.key());
            }
            s.raw("echo content").raw("if [ -f \"$jp_f\" ]; then od -An -v -tx1 \"$jp_f\"; else echo absent; fi");
            List<Resource> reads = new ArrayList<>(List.of(Resource.path("/etc/passwd")));
            spec.path().ifPresent(p -> reads.add(Resource.path(p)));
            if (spec.path().isEmpty()) reads.add(Resource.ANY);   // the home is only known on the host
            return new Probe.Shell(s.text(), reads);
        }

        @Override
        public Planned plan(ProbeAnswer answer) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("user", spec.user());
            result.put("key", spec.key());
            result.put("path", spec.path().orElse(null));
            result.put("manage_dir", spec.manageDir());
            result.put("state", spec.present() ? "present" : "absent");
            result.put("key_options", spec.keyOptions().orElse(null));
            result.put("exclusive", spec.exclusive());
            result.put("comment", spec.comment().orElse(null));
            result.put("validate_certs", spec.validateCerts());
            result.put("follow", spec.follow());
            if (!answer.ok()) return Planned.failed("cannot read the authorized keys: " + answer.stderr().strip(), result);
            Found found = Found.of(answer.stdout());
            if (found.noUser()) {
                return Planned.failed("Failed to lookup user " + spec.user() + ": \"getpwnam(): name not found: '"
                        + spec.user() + "'\"", result);
            }
            String key = spec.key();
            if (key.startsWith("http")) {
                if (found.fetched().isEmpty()) return Planned.failed("Error getting key from: " + key, result);
                key = found.fetched().get();
                result.put("key", key);
            }
            String keyfile = found.file();
            result.put("keyfile", keyfile);
            String existing = found.content();
            LinkedHashMap<String, AuthorizedKeys.Line> keys = AuthorizedKeys.read(existing);
            List<String> toExist = new ArrayList<>();
            int maxRank = keys.size();
            boolean write = false;
            List<String> wanted = wantedLines(key);
            for (int rank = 0; rank < wanted.size(); rank++) {
                Optional<AuthorizedKeys.Line> parsed = AuthorizedKeys.parse(wanted.get(rank), rank)
                        .filter(l -> l.type().isPresent());
                if (parsed.isEmpty()) return Planned.failed("invalid key specified: " + wanted.get(rank), result);
                AuthorizedKeys.Line line = parsed.get();
                if (spec.keyOptions().isPresent()) {
                    line = new AuthorizedKeys.Line(line.id(), line.type(), AuthorizedKeys.options(spec.keyOptions().get()),
                            line.comment(), line.rank());
                }
                if (spec.comment().isPresent()) {
                    line = new AuthorizedKeys.Line(line.id(), line.type(), line.options(), spec.comment().get(), line.rank());
                }
                AuthorizedKeys.Line old = keys.get(line.id());
                boolean matched = old != null && (old.sameKey(line) || !spec.present());
                if (spec.present()) {
                    toExist.add(line.id());
                    if (old != null && !matched) {
                        keys.remove(old.id());
                        write = true;
                    }
                    if (!matched) {
                        keys.put(line.id(), line.withRank(maxRank + line.rank()));
                        write = true;
                    }
                } else if (matched) {
                    keys.remove(line.id());
                    write = true;
                }
            }
            if (spec.present() && spec.exclusive()) {
                Set<String> keep = new HashSet<>(toExist);
                if (keys.keySet().removeIf(k -> !keep.contains(k))) write = true;
            }
            String subject = "authorized_keys " + keyfile;
            if (!write) return Planned.of(List.of(Change.none(subject)), result);
            String target = spec.follow() ? found.realpath().orElse(keyfile) : keyfile;
            String after = AuthorizedKeys.write(keys);
            List<Step> steps = new ArrayList<>();
            steps.add(prepareStep(keyfile, found));
            steps.add(new Step.WriteFile(target, after.getBytes(StandardCharsets.UTF_8), Optional.of("0600"),
                    Optional.of(spec.user()), found.gid(), Optional.empty(), Optional.empty()));
            Change c = new Change(existing.isEmpty() && !found.exists() ? Action.CREATE : Action.UPDATE, subject,
                    new Diff(keyfile, existing, target, after), steps,
                    List.of(Resource.path(target), Resource.path(parent(keyfile))));
            return Planned.of(List.of(c), result);
        }

        /** keyfile(write=True): the user must exist; ~/.ssh made 0700 and the user's; the file's directory made. */
        private Step prepareStep(String keyfile, Found found) {
            ShellScript s = ShellScript.create()
                    .line("jp_ids=$(id -u {}):$(id -g {}) || { echo {} >&2; exit 1; }", spec.user(), spec.user(),
                            "Failed to lookup user " + spec.user());
            String dir = parent(keyfile);
            if (spec.manageDir()) {
                s.line("[ -d {} ] || mkdir -m 0700 {}", dir, dir).line("chown \"$jp_ids\" {} && chmod 0700 {}", dir, dir);
            } else {
                s.line("[ -d {} ] || mkdir -p {}", dir, dir);
            }
            return Step.Exec.of(s, (spec.manageDir() ? "mkdir -m 0700 " : "mkdir -p ") + dir
                    + (spec.manageDir() ? " (owned by " + spec.user() + ")" : ""));
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** What the probe printed. */
    record Found(boolean noUser, Optional<String> gid, String file, Optional<String> realpath,
                 Optional<String> fetched, boolean exists, String content) {
        static Found of(String out) {
            Optional<String> gid = Optional.empty();
            String file = "";
            Optional<String> real = Optional.empty();
            boolean noUser = false;
            Optional<String> fetched = Optional.empty();
            String[] lines = out.split("\n", -1);
            int i = 0;
            for (; i < lines.length; i++) {
                String l = lines[i];
                if (l.equals("content")) break;
                if (l.equals("nouser")) noUser = true;
                else if (l.startsWith("user=")) gid = Optional.of(l.substring(5).split(":")[1]);
                else if (l.startsWith("file=")) file = l.substring(5);
                else if (l.startsWith("real=")) real = Optional.of(l.substring(5));
                else if (l.equals("fetched")) {
                    StringBuilder dump = new StringBuilder();
                    boolean failed = false;
                    for (i++; i < lines.length && !lines[i].equals("content"); i++) {
                        if (lines[i].equals("fetchfailed")) failed = true;
                        else dump.append(lines[i]).append('\n');
                    }
                    i--;
                    if (!failed) {
                        fetched = FileContent.ofOdDump(new ProbeAnswer(0, dump.toString(), ""), "key")
                                .bytes("key").map(b -> new String(b, StandardCharsets.UTF_8));
                    }
                }
            }
            StringBuilder dump = new StringBuilder();
            for (i++; i < lines.length; i++) dump.append(lines[i]).append('\n');
            Optional<byte[]> bytes = noUser ? Optional.empty()
                    : FileContent.ofOdDump(new ProbeAnswer(0, dump.toString(), ""), file).bytes(file);
            return new Found(noUser, gid, file, real, fetched, bytes.isPresent(),
                    bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""));
        }
    }
}
