package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ansible.posix.mount on FreeBSD: the entry in /etc/fstab (or {@code fstab:}, e.g. a jail's /etc/fstab.NAME that
 * jail.conf's mount.fstab reads) edited as Ansible edits it, and the kernel's mount table through mount(8) and
 * umount(8): {@code mount [-F FSTAB] PATH} mounts the entry, as Ansible's BSD branch does. Whether a path is
 * mounted comes from {@code mount -p}. States mounted, present, unmounted, absent, absent_from_fstab, remounted.
 * <p>Differences from Ansible 2.14's module, on purpose: {@code remounted} unmounts and mounts again from the
 * fstab (Ansible's BSD branch always fails there, since opts defaults to rw); a missing fstab is not created in
 * check mode; {@code ephemeral} is refused.
 */
public final class MountModule implements Module {
    static final String NAME = "mount";

    enum State { MOUNTED, PRESENT, UNMOUNTED, ABSENT, ABSENT_FROM_FSTAB, REMOUNTED }

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.posix.mount");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        boolean boot = args.bool("boot", true);
        String dump = args.string("dump", "0");
        Optional<String> fstabArg = args.string("fstab");
        Optional<String> fstype = args.string("fstype");
        String path = args.requireString("path", "name");
        Optional<String> opts = args.string("opts");
        String passno = args.string("passno", "0");
        Optional<String> src = args.string("src");
        boolean backup = args.bool("backup", false);
        if (!args.has("state")) throw args.missing("state");
        String stateName = args.choice("state", null, "absent", "absent_from_fstab", "mounted", "present",
                "unmounted", "remounted", "ephemeral");
        args.finish();
        if (stateName.equals("ephemeral")) {
            throw new ArgsException(NAME + ": state=ephemeral is not supported by jprov; use mounted with an fstab");
        }
        State state = State.valueOf(stateName.toUpperCase(java.util.Locale.ROOT));
        if (state == State.MOUNTED || state == State.PRESENT) {
            List<String> missing = new ArrayList<>();
            if (src.isEmpty()) missing.add("src");
            if (fstype.isEmpty()) missing.add("fstype");
            if (!missing.isEmpty()) {
                throw new ArgsException("state is " + stateName + " but all of the following are missing: "
                        + String.join(", ", missing));
            }
        }
        if (!path.startsWith("/")) throw new ArgsException(NAME + ": path '" + path + "' must be absolute");
        String fstab = fstabArg.orElse("/etc/fstab");
        if (!fstab.startsWith("/")) throw new ArgsException(NAME + ": fstab '" + fstab + "' must be an absolute path");
        for (String[] f : new String[][] {{"dump", dump}, {"passno", passno}}) {
            if (!f[1].matches("\\d+")) throw new ArgsException(NAME + ": " + f[0] + " must be a number, got '" + f[1] + "'");
        }
        // FreeBSD has no "defaults": Ansible's FreeBSD branch uses rw; boot=false adds noauto.
        String options = opts.orElse("rw");
        List<String> warnings = new ArrayList<>();
        List<String> list = new ArrayList<>(Arrays.asList(options.split(",", -1)));
        if (list.contains("noauto")) {
            warnings.add("Ignore the 'boot' due to 'opts' contains 'noauto'.");
        } else if (!boot) {
            if (list.contains("defaults")) {
                warnings.add("Ignore the 'boot' due to 'opts' contains 'defaults'.");
            } else {
                list.add("noauto");
                options = String.join(",", list);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", path);
        result.put("opts", options);
        result.put("dump", dump);
        result.put("passno", passno);
        result.put("fstab", fstab);
        result.put("boot", boot ? "yes" : "no");
        if (!warnings.isEmpty()) result.put("warnings", warnings);
        result.put("backup_file", "");
        src.ifPresent(s -> result.put("src", s));
        fstype.ifPresent(t -> result.put("fstype", t));
        FstabText.Entry entry = new FstabText.Entry(src.orElse(""), path, fstype.orElse(""), options, dump, passno);
        return new Call(state, entry, src, fstab, fstabArg.isPresent() && !fstab.equals("/etc/fstab"), backup,
                backup ? context.backupSuffix() : "", result);
    }

    record Call(State state, FstabText.Entry entry, Optional<String> src, String fstab, boolean otherFstab,
                boolean backup, String backupSuffix, Map<String, Object> result) implements Invocation {
        static final Resource TABLE = new Resource(Resource.Kind.MOUNT, "*");

        String path() {
            return entry.path();
        }

        Probe.Shell table() {
            return new Probe.Shell("mount -p", List.of(TABLE));
        }

        Probe.FileContent file() {
            return Probe.FileContent.whole(fstab);
        }

        Probe.FileInfo mountPoint() {
            return new Probe.FileInfo(path(), false, false);
        }

        @Override
        public List<Probe> probes() {
            return List.of(file(), table(), mountPoint());
        }

        /** Whether something is mounted on the path: a line of {@code mount -p} with it as mount point. */
        static boolean mounted(ProbeAnswer table, String path) {
            String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return table.stdout().lines().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+")).anyMatch(f -> f.length > 1 && f[1].equals(p));
        }

        Cmd mountCmd() {
            return otherFstab ? Cmd.of("mount", "-F", fstab, path()) : Cmd.of("mount", path());
        }

        @Override
        public Planned plan(Facts facts) {
            Map<String, Object> r = new LinkedHashMap<>(result);
            ProbeAnswer table = facts.get(table());
            if (!table.ok()) return Planned.failed("mount -p failed: " + table.stderr().strip(), r);
            boolean isMounted = mounted(table, path());
            Optional<byte[]> bytes = facts.content(file());
            String before = bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            FstabText text = FstabText.parse(before);
            FileFacts point = facts.get(mountPoint());
            List<Change> changes = new ArrayList<>();
            switch (state) {
                case ABSENT_FROM_FSTAB -> fstabChange(text.unset(path(), src.orElse(null)), bytes, before, r)
                        .ifPresent(changes::add);
                case ABSENT -> {
                    Optional<Change> c = fstabChange(text.unset(path(), src.orElse(null)), bytes, before, r);
                    c.ifPresent(changes::add);
                    if (c.isPresent() && isMounted) changes.add(umount());
                    if (c.isPresent() && point.type() != FileFacts.Type.ABSENT) {
                        changes.add(new Change(Action.DELETE, path(), Diff.of(path(), "directory\n", ""),
                                List.of(Step.Exec.of(Cmd.of("rmdir", path()))), List.of(Resource.path(path()))));
                    }
                }
                case UNMOUNTED -> {
                    if (isMounted) changes.add(umount());
                }
                case PRESENT -> fstabChange(text.set(entry), bytes, before, r).ifPresent(changes::add);
                case MOUNTED -> {
                    if (point.type() == FileFacts.Type.ABSENT) {
                        changes.add(new Change(Action.CREATE, path(), Diff.of(path(), "", "directory\n"),
                                List.of(Step.Exec.of(Cmd.of("mkdir", "-p", path()))), List.of(Resource.path(path()))));
                    }
                    Optional<Change> c = fstabChange(text.set(entry), bytes, before, r);
                    c.ifPresent(changes::add);
                    if (!isMounted) {
                        changes.add(mount(Action.CREATE));
                    } else if (c.isPresent()) {
                        changes.add(umount());
                        changes.add(mount(Action.UPDATE));
                    }
                }
                case REMOUNTED -> {
                    if (isMounted) changes.add(umount());
                    changes.add(mount(Action.UPDATE));
                }
            }
            if (changes.isEmpty()) changes.add(Change.none(fstab + ": " + path()));
            return Planned.of(changes, r);
        }

        private Change umount() {
            Cmd cmd = Cmd.of("umount", path());
            return new Change(Action.DELETE, "mount " + path(), Diff.of("mount table", path() + " mounted\n", ""),
                    List.of(Step.Exec.of(cmd)), List.of(TABLE, Resource.path(path())));
        }

        private Change mount(Action action) {
            String shown = entry.src() + " on " + path() + " (" + entry.fstype() + ", " + entry.opts() + ")\n";
            return new Change(action, "mount " + path(), Diff.of("mount table", "", shown),
                    List.of(Step.Exec.of(mountCmd())), List.of(TABLE, Resource.path(path())));
        }

        private Optional<Change> fstabChange(FstabText.Edit edit, Optional<byte[]> bytes, String before,
                                             Map<String, Object> r) {
            if (!edit.changed()) return Optional.empty();
            Optional<String> suffix = backup && bytes.isPresent() ? Optional.of(backupSuffix) : Optional.empty();
            suffix.ifPresent(s -> r.put("backup_file", fstab + s));
            Step.WriteFile w = Step.WriteFile.of(fstab, edit.text().getBytes(StandardCharsets.UTF_8));
            Step write = new Step.WriteFile(w.path(), w.content(), w.mode(), w.owner(), w.group(), w.validate(), suffix);
            List<Step> steps = new ArrayList<>();
            if (bytes.isEmpty()) steps.add(Step.Exec.of(Cmd.of("mkdir", "-p", parent(fstab))));
            steps.add(write);
            return Optional.of(new Change(bytes.isEmpty() ? Action.CREATE : Action.UPDATE, fstab,
                    new Diff(fstab, before, fstab, edit.text()), steps, List.of(Resource.path(fstab))));
        }

        private static String parent(String path) {
            int slash = path.lastIndexOf('/');
            return slash <= 0 ? "/" : path.substring(0, slash);
        }
    }
}
