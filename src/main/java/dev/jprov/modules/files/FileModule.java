package dev.jprov.modules.files;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ansible's file module: state file/directory/absent/link/hard/touch with mode, owner, group and recurse. */
public final class FileModule implements Module {

    private static final List<String> STATES = List.of("file", "directory", "absent", "link", "hard", "touch");

    @Override
    public List<String> names() {
        return List.of("file", "ansible.builtin.file");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String path = args.requireString("path", "dest", "name");
        Optional<String> state = args.string("state");
        if (state.isPresent() && !STATES.contains(state.get())) {
            throw new ArgsException("value of state must be one of: absent, directory, file, hard, link, touch, got: "
                    + state.get());
        }
        Optional<String> src = args.string("src");
        boolean recurse = args.bool("recurse", false);
        boolean force = args.bool("force", false);
        boolean follow = args.bool("follow", true);
        args.string("access_time");
        args.string("modification_time");
        args.string("access_time_format");
        args.string("modification_time_format");
        args.string("_original_basename");
        args.string("_diff_peek");
        FileAttributes attributes = FileAttributes.read(args);
        args.finish();
        if (recurse && state.isPresent() && !state.get().equals("directory")) {
            throw new ArgsException("recurse option requires state to be 'directory'");
        }
        if (state.isPresent() && (state.get().equals("link") || state.get().equals("hard")) && src.isEmpty()) {
            throw new ArgsException("src is required for creating new " + state.get() + "s");
        }
        if (recurse && attributes.mode().orElse(null) instanceof FileMode.Symbolic sym && !onlyAdds(sym)) {
            throw new ArgsException("recurse with a symbolic mode is supported by jprov only for modes that add bits"
                    + " (u+rwx,g+r); give an octal mode");
        }
        return new FileInvocation(path, state, src, recurse, force, follow, attributes);
    }

    /** A symbolic mode of clauses that only add bits for named classes (u+rwx,g+r): no X, no umask involved. */
    static boolean onlyAdds(FileMode.Symbolic mode) {
        return mode.text().matches("[ugoa]+\\+[rwxst]+(,[ugoa]+\\+[rwxst]+)*");
    }

    record FileInvocation(String path, Optional<String> state, Optional<String> src, boolean recurse, boolean force,
                          boolean follow, FileAttributes attributes) implements Invocation {

        private Probe.FileInfo self() {
            return new Probe.FileInfo(path, false, false);
        }

        private Probe.FileInfo followed() {
            return new Probe.FileInfo(path, false, true);
        }

        /** A link's src is relative to the link's directory, as ln -s reads it. */
        private String srcPath() {
            String s = src.orElseThrow();
            return s.startsWith("/") ? s : TextFileTarget.parent(path) + "/" + s;
        }

        private Probe.FileInfo srcInfo() {
            return new Probe.FileInfo(srcPath(), false, true);
        }

        private Probe.Shell sameFile() {
            return new Probe.Shell(ShellScript.fill("if [ {} -ef {} ]; then echo same; else echo other; fi",
                    path, srcPath()), List.of(Resource.path(path), Resource.path(srcPath())));
        }

        /** Lists one entry below path whose mode/owner/group differ: the recurse=yes no-op check in one find. */
        private Probe.Shell recurseCheck() {
            List<String> tests = new ArrayList<>();
            List<String> values = new ArrayList<>();
            values.add(path);
            if (attributes.mode().orElse(null) instanceof FileMode.Octal o) {
                tests.add("\\( ! -type l ! -perm {} \\)");
                values.add(Integer.toOctalString(o.bits()));
            } else if (attributes.mode().orElse(null) instanceof FileMode.Symbolic sym) {
                // a mode that only adds bits leaves alone what has them all already (find's -perm -MODE)
                tests.add("\\( ! -type l ! -perm -{} \\)");
                values.add(Integer.toOctalString(SymbolicMode.apply(sym.text(), 0, false, 0)));
            }
            attributes.owner().ifPresent(u -> { tests.add("! -user {}"); values.add(u); });
            attributes.group().ifPresent(g -> { tests.add("! -group {}"); values.add(g); });
            String script = "find {} \\( " + String.join(" -o ", tests) + " \\) -print | head -n 1";
            return new Probe.Shell(ShellScript.fill(script, values.toArray(String[]::new)), List.of(Resource.path(path)));
        }

        @Override
        public List<Probe> probes() {
            List<Probe> probes = new ArrayList<>(List.of(self()));
            if (follow) probes.add(followed());
            String s = state.orElse("");
            if (src.isPresent() && (s.equals("link") || s.equals("hard") || s.isEmpty())) probes.add(srcInfo());
            if (s.equals("hard")) probes.add(sameFile());
            if (recurse && !attributes.isEmpty()) probes.add(recurseCheck());
            return probes;
        }

        private static String stateName(FileFacts f) {
            return switch (f.type()) {
                case ABSENT -> "absent";
                case FILE -> "file";
                case DIRECTORY -> "directory";
                case LINK -> "link";
                case OTHER -> "file";
            };
        }

        @Override
        public Planned plan(Facts facts) {
            FileFacts self = facts.get(self());
            String prevSelf = stateName(self);
            String prev = prevSelf;
            String wanted = state.orElseGet(() -> recurse ? "directory" : src.isPresent() ? "link"
                    : prevSelf.equals("absent") ? "file" : prevSelf);
            // For state=file/directory with follow, a link stands for its target.
            FileFacts subject = self;
            if (follow && self.type() == FileFacts.Type.LINK && (wanted.equals("file") || wanted.equals("directory"))) {
                subject = facts.get(followed());
                prev = stateName(subject);
                if (subject.type() == FileFacts.Type.ABSENT && wanted.equals("file")) prev = "absent";
            }
            return switch (wanted) {
                case "absent" -> absent(self, prev);
                case "file" -> file(subject, prev);
                case "directory" -> directory(subject, prev, facts);
                case "touch" -> touch(subject, prev);
                case "link" -> link(self, prev, facts);
                default -> hard(self, prev, facts);
            };
        }

        private Map<String, Object> diffSide(String p, String state) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p);
            if (state != null) m.put("state", state);
            return m;
        }

        private Change change(Action action, String p, String prev, String wanted, FileAttributes.Delta delta,
                              List<Step> steps) {
            boolean stateChanges = !prev.equals(wanted);
            Map<String, Object> before = diffSide(p, stateChanges ? prev : null);
            Map<String, Object> after = diffSide(p, stateChanges ? wanted : null);
            if (delta != null) {
                before.putAll(delta.before());
                after.putAll(delta.after());
            }
            return new Change(action, p, DictDiffText.diff(before, after), steps, List.of(Resource.path(p)));
        }

        private Map<String, Object> result(String p, String state, FileFacts facts) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("path", p);
            r.put("state", state);
            if (facts != null && facts.exists()) {
                int mode = attributes.targetMode(facts).orElse(FileMode.parseFacts(facts.mode()));
                r.put("mode", FileMode.format(mode));
                r.put("uid", facts.uid());
                r.put("gid", facts.gid());
                r.put("owner", attributes.owner().orElse(facts.owner()));
                r.put("group", attributes.group().orElse(facts.group()));
                r.put("size", facts.size());
            }
            return r;
        }

        private Planned absent(FileFacts self, String prev) {
            Map<String, Object> r = new LinkedHashMap<>(Map.of("path", path, "state", "absent"));
            if (!self.exists()) return Planned.of(List.of(Change.none(path)), r);
            Cmd rm = self.type() == FileFacts.Type.DIRECTORY ? Cmd.of("rm", "-rf", "--", path) : Cmd.of("rm", "-f", "--", path);
            return Planned.of(List.of(change(Action.DELETE, path, prev, "absent", null, List.of(Step.Exec.of(rm)))), r);
        }

        private Planned file(FileFacts subject, String prev) {
            if (!subject.exists() || subject.type() == FileFacts.Type.DIRECTORY || subject.type() == FileFacts.Type.LINK) {
                Map<String, Object> r = new LinkedHashMap<>(Map.of("path", subject.path(), "state", prev));
                return Planned.failed("file (" + subject.path() + ") is " + prev + ", cannot continue", r);
            }
            return attributesOnly(subject, prev, "file");
        }

        private Planned attributesOnly(FileFacts subject, String prev, String wanted) {
            FileAttributes.Delta delta = attributes.delta(subject);
            Map<String, Object> r = result(subject.path(), wanted, subject);
            if (delta.isEmpty()) return Planned.of(List.of(Change.none(subject.path())), r);
            return Planned.of(List.of(change(Action.UPDATE, subject.path(), prev, wanted, delta, delta.steps())), r);
        }

        private Planned directory(FileFacts subject, String prev, Facts facts) {
            String p = subject.path();
            if (!subject.exists()) {
                // Like Ansible: create each missing component and give each the mode/owner/group asked for.
                List<String> components = components(p);
                List<String> values = new ArrayList<>();
                StringBuilder script = new StringBuilder("(for d in");
                for (String c : components) {
                    script.append(" {}");
                    values.add(c);
                }
                script.append("; do if [ ! -d \"$d\" ]; then mkdir -- \"$d\" || exit 1");
                for (String cmd : attributes.shellForVariable("d")) script.append(" && ").append(cmd);
                script.append(" || exit 1; fi; done)");
                Step step = new Step.Exec(ShellScript.fill(script.toString(), values.toArray(String[]::new)),
                        "mkdir -p " + p + attributesDisplay(), false);
                Map<String, Object> r = new LinkedHashMap<>(Map.of("path", p, "state", "directory"));
                attributes.mode().ifPresent(m -> r.put("mode", FileMode.format(m.resolve(0777 & ~FileMode.ASSUMED_UMASK, true))));
                attributes.owner().ifPresent(o -> r.put("owner", o));
                attributes.group().ifPresent(g -> r.put("group", g));
                List<FileFacts> created = new ArrayList<>();
                String mode = attributes.mode().map(m -> FileMode.format(m.resolve(0777 & ~FileMode.ASSUMED_UMASK, true)))
                        .orElse("0755");
                for (String c : components) created.add(FileFacts.directory(c, mode));
                return Planned.of(List.of(change(Action.CREATE, p, "absent", "directory", null, List.of(step))
                        .withPredicted(created)), r);
            }
            if (subject.type() != FileFacts.Type.DIRECTORY) {
                return Planned.failed(p + " already exists as a " + prev, Map.of("path", p));
            }
            if (!recurse || attributes.isEmpty()) return attributesOnly(subject, prev, "directory");
            FileAttributes.Delta delta = attributes.delta(subject);
            ProbeAnswer below = facts.get(recurseCheck());
            Map<String, Object> r = result(p, "directory", subject);
            if (delta.isEmpty() && below.stdout().isBlank()) return Planned.of(List.of(Change.none(p)), r);
            List<Step> steps = new ArrayList<>();
            attributes.owner().ifPresent(o -> steps.add(Step.Exec.of(Cmd.of("chown", "-R", o, "--", p))));
            attributes.group().ifPresent(g -> steps.add(Step.Exec.of(Cmd.of("chgrp", "-R", g, "--", p))));
            attributes.mode().ifPresent(m -> steps.add(Step.Exec.of(Cmd.of("chmod", "-R", FileAttributes.chmodArg(m), "--", p))));
            return Planned.of(List.of(change(Action.UPDATE, p, prev, "directory", delta, steps)), r);
        }

        private String attributesDisplay() {
            StringBuilder s = new StringBuilder();
            attributes.mode().ifPresent(m -> s.append(" mode ").append(FileAttributes.chmodArg(m)));
            attributes.owner().ifPresent(o -> s.append(" owner ").append(o));
            attributes.group().ifPresent(g -> s.append(" group ").append(g));
            return s.toString();
        }

        private static List<String> components(String p) {
            List<String> out = new ArrayList<>();
            boolean abs = p.startsWith("/");
            StringBuilder cur = new StringBuilder();
            for (String part : p.split("/")) {
                if (part.isEmpty()) continue;
                if (cur.length() > 0 || abs) cur.append('/');
                cur.append(part);
                out.add(cur.toString());
            }
            return out;
        }

        private Planned touch(FileFacts subject, String prev) {
            String p = subject.path();
            List<Step> steps = new ArrayList<>();
            steps.add(Step.Exec.of(Cmd.of("touch", "--", p)));
            FileAttributes.Delta delta = subject.exists() ? attributes.delta(subject) : null;
            steps.addAll(subject.exists() ? delta.steps() : attributes.applyToNew(p));
            Map<String, Object> r = new LinkedHashMap<>(Map.of("dest", p));
            // Ansible's touch always sets the times to now, so it always reports a change.
            return Planned.of(List.of(change(subject.exists() ? Action.UPDATE : Action.CREATE, p, prev, "touch", delta,
                    steps)), r);
        }

        private Planned link(FileFacts self, String prev, Facts facts) {
            String s = src.orElseThrow();
            FileFacts source = facts.get(srcInfo());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dest", path);
            r.put("src", s);
            r.put("state", "link");
            if (!source.exists() && !force) {
                return Planned.failed("src file does not exist, use \"force=yes\" if you really want to create the link: "
                        + srcPath(), r);
            }
            if (self.type() == FileFacts.Type.LINK && self.linkTarget().orElse("").equals(s)) {
                return attributesOnLink(self, prev, r);
            }
            if (self.type() == FileFacts.Type.DIRECTORY) {
                return Planned.failed("refusing to convert from directory to symlink for " + path, r);
            }
            if (self.type() == FileFacts.Type.FILE && !force) {
                return Planned.failed("refusing to convert from file to symlink for " + path, r);
            }
            List<Step> steps = new ArrayList<>();
            steps.add(Step.Exec.of(Cmd.of("ln", "-sfn", s, path)));
            steps.addAll(linkAttributes());
            Map<String, Object> before = diffSide(path, prev.equals("link") ? null : prev);
            Map<String, Object> after = diffSide(path, prev.equals("link") ? null : "link");
            if (prev.equals("link")) {
                before.put("src", self.linkTarget().orElse(""));
                after.put("src", s);
            }
            Change c = new Change(self.exists() ? Action.UPDATE : Action.CREATE, path,
                    DictDiffText.diff(before, after), steps, List.of(Resource.path(path)));
            return Planned.of(List.of(c), r);
        }

        /** Owner/group of a link itself (-h); a link's mode means nothing on Linux and FreeBSD keeps it 0755. */
        private List<Step> linkAttributes() {
            List<Step> steps = new ArrayList<>();
            attributes.owner().ifPresent(o -> steps.add(Step.Exec.of(Cmd.of("chown", "-h", o, "--", path))));
            attributes.group().ifPresent(g -> steps.add(Step.Exec.of(Cmd.of("chgrp", "-h", g, "--", path))));
            return steps;
        }

        private Planned attributesOnLink(FileFacts self, String prev, Map<String, Object> r) {
            FileAttributes ownership = new FileAttributes(Optional.empty(), attributes.owner(), attributes.group());
            FileAttributes.Delta delta = ownership.delta(self);
            if (delta.isEmpty()) return Planned.of(List.of(Change.none(path)), r);
            return Planned.of(List.of(change(Action.UPDATE, path, prev, "link", delta, delta.steps())), r);
        }

        private Planned hard(FileFacts self, String prev, Facts facts) {
            FileFacts source = facts.get(srcInfo());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dest", path);
            r.put("src", src.get());
            r.put("state", "hard");
            if (!source.exists()) return Planned.failed("src does not exist", r);
            boolean same = facts.get(sameFile()).stdout().strip().equals("same");
            if (same) {
                FileAttributes.Delta delta = attributes.delta(self);
                if (delta.isEmpty()) return Planned.of(List.of(Change.none(path)), r);
                return Planned.of(List.of(change(Action.UPDATE, path, "hard", "hard", delta, delta.steps())), r);
            }
            if (self.type() == FileFacts.Type.DIRECTORY) {
                return Planned.failed("refusing to convert from directory to hard link for " + path, r);
            }
            if (self.exists() && !force && self.type() != FileFacts.Type.LINK) {
                return Planned.failed("refusing to convert from " + prev + " to hard for " + path, r);
            }
            List<Step> steps = new ArrayList<>();
            steps.add(Step.Exec.of(Cmd.of("ln", "-f", srcPath(), path)));
            steps.addAll(attributes.applyToNew(path));
            return Planned.of(List.of(change(self.exists() ? Action.UPDATE : Action.CREATE, path, prev, "hard", null,
                    steps)), r);
        }
    }
}
