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
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Cmd;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible's group module as its FreeBsdGroup class runs it: {@code pw groupadd NAME [-g GID [-o]]},
 * {@code pw groupmod NAME -g GID} when the gid differs, {@code pw groupdel NAME}, planned from /etc/group.
 * {@code system} is accepted and reported as FreeBsdGroup does, without effect: pw has no system groups.
 */
public final class GroupModule implements Module {
    static final String NAME = "group";

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.builtin.group");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name");
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        Optional<Long> gid = args.integer("gid");
        boolean system = args.bool("system", false);
        args.bool("local");
        boolean nonUnique = args.bool("non_unique", false);
        args.finish();
        if (nonUnique && gid.isEmpty()) throw new ArgsException("non_unique is True but all of the following are missing: gid");
        AccountName.check(NAME, "name", name);
        gid.ifPresent(g -> {
            if (g < 0 || g > 4294967294L) throw new ArgsException(NAME + ": gid " + g + " is out of range");
        });
        return new GroupCall(name, present, gid, system, nonUnique);
    }

    record GroupCall(String name, boolean present, Optional<Long> gid, boolean system, boolean nonUnique)
            implements ShellProbeInvocation {
        @Override
        public Probe.Shell probe() {
            return new Probe.Shell(AccountDatabase.readScript(),
                    List.of(Resource.path("/etc/master.passwd"), Resource.path("/etc/group")));
        }

        @Override
        public Planned plan(ProbeAnswer answer) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", name);
            result.put("state", present ? "present" : "absent");
            AccountDatabase.Result read = AccountDatabase.read(answer);
            if (read.error().isPresent()) return Planned.failed(read.error().get(), result);
            AccountDatabase db = read.database().orElseThrow();
            Optional<GroupEntry> group = db.groupNamed(name);
            String subject = "group " + name;
            if (!present) {
                if (group.isEmpty()) return Planned.of(List.of(Change.none(subject)), result);
                return change(Action.DELETE, describe(group.get()), "", Cmd.of("pw", "groupdel", name), result);
            }
            if (group.isEmpty()) {
                Cmd add = Cmd.of("pw", "groupadd", name);
                if (gid.isPresent()) {
                    add = add.plus("-g", Long.toString(gid.get()));
                    if (nonUnique) add = add.plus("-o");
                }
                GroupEntry made = new GroupEntry(name, "*", gid.orElseGet(() -> db.nextId(true)), List.of());
                result.put("system", system);
                result.put("gid", made.gid());
                return change(Action.CREATE, "", describe(made), add, result);
            }
            result.put("system", system);
            if (gid.isEmpty() || gid.get() == group.get().gid()) {
                result.put("gid", group.get().gid());
                return Planned.of(List.of(Change.none(subject)), result);
            }
            Cmd mod = Cmd.of("pw", "groupmod", name, "-g", Long.toString(gid.get()));
            if (nonUnique) mod = mod.plus("-o");
            result.put("gid", gid.get());
            GroupEntry after = new GroupEntry(name, group.get().password(), gid.get(), group.get().members());
            return change(Action.UPDATE, describe(group.get()), describe(after), mod, result);
        }

        private Planned change(Action action, String before, String after, Cmd cmd, Map<String, Object> result) {
            String subject = "group " + name;
            return Planned.of(List.of(new Change(action, subject, Diff.of(subject, before, after),
                    List.of(Step.Exec.of(cmd)), List.of(Resource.path("/etc/group")))), result);
        }
    }

    static String describe(GroupEntry g) {
        return "name: " + g.name() + "\ngid: " + g.gid() + "\nmembers:"
                + (g.members().isEmpty() ? "" : " " + String.join(",", g.members())) + "\n";
    }
}
