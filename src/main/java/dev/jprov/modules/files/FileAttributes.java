package dev.jprov.modules.files;

import dev.jprov.facts.FileFacts;
import dev.jprov.modules.Args;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The common file arguments (mode, owner, group) and how a path's metadata differs from them. Owners and groups
 * may be names or numeric ids; a numeric one is compared with the uid/gid, a name with the owner/group name.
 */
public record FileAttributes(Optional<FileMode> mode, Optional<String> owner, Optional<String> group) {

    public static final FileAttributes NONE = new FileAttributes(Optional.empty(), Optional.empty(), Optional.empty());

    /** Reads mode/owner/group (and accepts Ansible's other common file arguments that jprov ignores). */
    public static FileAttributes read(Args args) {
        Optional<FileMode> mode = FileMode.parse(args.value("mode").orElse(null));
        Optional<String> owner = args.string("owner").filter(s -> !s.isEmpty());
        Optional<String> group = args.string("group").filter(s -> !s.isEmpty());
        // Accepted for compatibility; SELinux and chattr attributes do not exist on FreeBSD.
        args.value("unsafe_writes");
        args.value("seuser");
        args.value("serole");
        args.value("setype");
        args.value("selevel");
        args.value("attributes", "attr");
        return new FileAttributes(mode, owner, group);
    }

    public boolean isEmpty() {
        return mode.isEmpty() && owner.isEmpty() && group.isEmpty();
    }

    /** The octal mode the path will have, given what it has now. */
    public Optional<Integer> targetMode(FileFacts current) {
        int cur = FileMode.parseFacts(current.mode());
        return mode.map(m -> m.resolve(cur, current.type() == FileFacts.Type.DIRECTORY));
    }

    /**
     * What must change on an existing path: the chmod/chown steps and Ansible's diff entries
     * ("mode": "0644", "owner": uid, "group": gid).
     */
    public Delta delta(FileFacts current) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        List<Step> steps = new ArrayList<>();
        String path = current.path();
        if (owner.isPresent() && !sameId(owner.get(), current.uid(), current.owner())) {
            before.put("owner", current.uid());
            after.put("owner", idOrName(owner.get()));
            steps.add(Step.Exec.of(Cmd.of("chown", "-h", owner.get(), "--", path)));
        }
        if (group.isPresent() && !sameId(group.get(), current.gid(), current.group())) {
            before.put("group", current.gid());
            after.put("group", idOrName(group.get()));
            steps.add(Step.Exec.of(Cmd.of("chgrp", "-h", group.get(), "--", path)));
        }
        Optional<Integer> target = targetMode(current);
        int cur = FileMode.parseFacts(current.mode());
        if (target.isPresent() && target.get() != cur && current.type() != FileFacts.Type.LINK) {
            before.put("mode", FileMode.format(cur));
            after.put("mode", FileMode.format(target.get()));
            steps.add(Step.Exec.of(Cmd.of("chmod", Integer.toOctalString(target.get()), "--", path)));
        }
        return new Delta(before, after, steps);
    }

    /** Steps that set the attributes on a path just created (no facts yet): symbolic modes go to chmod as given. */
    public List<Step> applyToNew(String path) {
        List<Step> steps = new ArrayList<>();
        owner.ifPresent(o -> steps.add(Step.Exec.of(Cmd.of("chown", "-h", o, "--", path))));
        group.ifPresent(g -> steps.add(Step.Exec.of(Cmd.of("chgrp", "-h", g, "--", path))));
        mode.ifPresent(m -> steps.add(Step.Exec.of(Cmd.of("chmod", chmodArg(m), "--", path))));
        return steps;
    }

    /** The same commands as {@link #applyToNew} for a path held in the shell variable {@code name} (loops). */
    public List<String> shellForVariable(String name) {
        String var = "\"$" + name + "\"";
        List<String> out = new ArrayList<>();
        owner.ifPresent(o -> out.add(ShellScript.fill("chown -h {} -- ", o) + var));
        group.ifPresent(g -> out.add(ShellScript.fill("chgrp -h {} -- ", g) + var));
        mode.ifPresent(m -> out.add(ShellScript.fill("chmod {} -- ", chmodArg(m)) + var));
        return out;
    }

    /** The mode a WriteFile step should set: octal modes directly; symbolic ones resolved against the old file. */
    public Optional<String> writeMode(FileFacts current) {
        if (mode.isEmpty()) return Optional.empty();
        // A special file's permission bits go to its replacement too (atomic_move), so resolve against them.
        if (ExistingFile.of(current).exists()) return targetMode(current).map(FileMode::format);
        if (mode.get() instanceof FileMode.Octal o) return Optional.of(FileMode.format(o.bits()));
        // A new file starts as 0666 & ~umask in Ansible's atomic_move; resolve the symbolic mode against that.
        return Optional.of(FileMode.format(mode.get().resolve(0666 & ~FileMode.ASSUMED_UMASK, false)));
    }

    static String chmodArg(FileMode m) {
        return switch (m) {
            case FileMode.Octal o -> Integer.toOctalString(o.bits());
            case FileMode.Symbolic s -> s.text();
        };
    }

    private static boolean sameId(String wanted, int id, String name) {
        if (wanted.chars().allMatch(Character::isDigit)) return Long.parseLong(wanted) == id;
        return wanted.equals(name);
    }

    private static Object idOrName(String v) {
        return v.chars().allMatch(Character::isDigit) ? (Object) Integer.parseInt(v) : v;
    }

    /** The attribute part of a plan: diff entries and steps (empty when the path already is as asked). */
    public record Delta(Map<String, Object> before, Map<String, Object> after, List<Step> steps) {
        public boolean isEmpty() {
            return steps.isEmpty();
        }
    }
}
