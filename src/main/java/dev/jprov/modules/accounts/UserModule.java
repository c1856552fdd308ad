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
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ansible's user module as its FreeBsdUser class runs it: {@code pw useradd} / {@code usermod} / {@code userdel}
 * planned from /etc/master.passwd and /etc/group. A password hash goes to {@code pw usermod -H 0} on standard
 * input (Ansible puts it on chpass's command line), so it is in no argv, no diff and no displayed step.
 * Deliberate differences: {@code skeleton} and {@code umask} are passed only with {@code -m} (Ansible passes them on
 * every usermod once {@code home} is given, which makes such a task report a change on every run);
 * options of other platforms (hidden, seuser, profile, authorization, role, local) are accepted and ignored as
 * FreeBsdUser ignores them; ssh key generation and password_expire_* (chage) are refused.
 */
public final class UserModule implements Module {
    static final String NAME = "user";
    static final String PASSWORD_SHOWN = "NOT_LOGGING_PASSWORD";

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.builtin.user");
    }

    /** The checked arguments; {@code groups} is empty when not given, and the empty list when given empty. */
    record Spec(String name, boolean present, Optional<Long> uid, boolean nonUnique, Optional<String> group,
                Optional<List<String>> groups, boolean append, Optional<String> comment, Optional<String> home,
                Optional<String> shell, Optional<String> password, Optional<String> loginClass, boolean remove,
                boolean force, boolean createHome, Optional<String> skeleton, boolean system, boolean moveHome,
                boolean updateAlways, Optional<Double> expires, Optional<Boolean> passwordLock, Optional<String> umask) {
        @Override
        public String toString() {
            return "user " + name + (password.isPresent() ? " (password given)" : "");
        }
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String name = args.requireString("name", "user");
        boolean present = args.choice("state", "present", "present", "absent").equals("present");
        Optional<Long> uid = args.integer("uid");
        boolean nonUnique = args.bool("non_unique", false);
        Optional<String> group = args.string("group");
        Optional<List<String>> groups = args.value("groups").isPresent()
                ? Optional.of(List.copyOf(new LinkedHashSet<>(args.list("groups")))) : Optional.empty();
        Optional<String> comment = args.string("comment");
        Optional<String> home = args.string("home");
        Optional<String> shell = args.string("shell");
        Optional<String> password = args.string("password");
        Optional<String> loginClass = args.string("login_class");
        boolean force = args.bool("force", false);
        boolean remove = args.bool("remove", false);
        boolean createHome = args.bool("create_home", "createhome").orElse(true);
        Optional<String> skeleton = args.string("skeleton");
        boolean system = args.bool("system", false);
        boolean moveHome = args.bool("move_home", false);
        boolean append = args.bool("append", false);
        boolean updateAlways = args.choice("update_password", "always", "always", "on_create").equals("always");
        Optional<Double> expires = args.value("expires").map(v -> {
            try {
                return Double.valueOf(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new ArgsException("argument 'expires' of user is of type " + v.getClass().getSimpleName()
                        + " and we were unable to convert to float: " + v);
            }
        });
        Optional<Boolean> passwordLock = args.bool("password_lock");
        Optional<String> umask = args.string("umask");
        for (String ignored : List.of("hidden", "seuser", "profile", "authorization", "role", "local")) args.value(ignored);
        for (String refused : List.of("generate_ssh_key", "ssh_key_bits", "ssh_key_type", "ssh_key_file",
                "ssh_key_comment", "ssh_key_passphrase", "password_expire_max", "password_expire_min")) {
            if (args.value(refused).isPresent() && !(refused.equals("generate_ssh_key") && !args.bool(refused, false))) {
                throw new ArgsException(NAME + ": " + refused + " is not supported by jprov on FreeBSD"
                        + (refused.startsWith("password_expire") ? " (Ansible runs Linux's chage for it)" : ""));
            }
        }
        args.finish();
        AccountName.check(NAME, "name", name);
        group.ifPresent(g -> AccountName.check(NAME, "group", g));
        groups.ifPresent(gs -> gs.forEach(g -> AccountName.check(NAME, "groups", g)));
        comment.ifPresent(c -> AccountName.checkGecos(NAME, c));
        loginClass.ifPresent(c -> AccountName.check(NAME, "login_class", c));
        home.ifPresent(h -> {
            if (!h.startsWith("/")) throw new ArgsException(NAME + ": home '" + h + "' must be an absolute path");
            if (h.indexOf(':') >= 0) throw new ArgsException(NAME + ": home '" + h + "' must not contain ':'");
        });
        shell.ifPresent(s -> {
            if (s.indexOf(':') >= 0) throw new ArgsException(NAME + ": shell '" + s + "' must not contain ':'");
        });
        password.ifPresent(p -> {
            if (p.indexOf(':') >= 0 || p.indexOf('\n') >= 0) {
                throw new ArgsException(NAME + ": password must be an encrypted hash without ':' or newlines");
            }
        });
        uid.ifPresent(u -> {
            if (u < 0 || u > 4294967294L) throw new ArgsException(NAME + ": uid " + u + " is out of range");
        });
        if (nonUnique && uid.isEmpty()) throw new ArgsException(NAME + ": non_unique requires uid");
        umask.ifPresent(m -> {
            if (!m.matches("[0-7]{3,4}")) throw new ArgsException(NAME + ": umask '" + m + "' must be octal digits");
        });
        return new UserCall(new Spec(name, present, uid, nonUnique, group, groups, append, comment, home, shell,
                password, loginClass, remove, force, createHome, skeleton, system, moveHome, updateAlways, expires,
                passwordLock, umask));
    }

    record UserCall(Spec spec) implements ShellProbeInvocation {
        @Override
        public Probe.Shell probe() {
            String home = spec.home().map(ShellScript::quote).orElse(ShellScript.fill(
                    "\"$(awk -F: -v n={} '$1 == n { print $9; exit }' /etc/master.passwd)\"", spec.name()));
            String script = AccountDatabase.readScript() + "echo '#jprov:home'\n"
                    + "jp_h=" + home + "; if [ -n \"$jp_h\" ] && [ -e \"$jp_h\" ]; then echo present; fi\n";
            List<Resource> reads = new ArrayList<>(List.of(Resource.path("/etc/master.passwd"), Resource.path("/etc/group")));
            spec.home().ifPresent(h -> reads.add(Resource.path(h)));
            return new Probe.Shell(script, reads);
        }

        @Override
        public Planned plan(ProbeAnswer answer) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", spec.name());
            result.put("state", spec.present() ? "present" : "absent");
            AccountDatabase.Result read = AccountDatabase.read(answer);
            if (read.error().isPresent()) return Planned.failed(read.error().get(), result);
            AccountDatabase db = read.database().orElseThrow();
            boolean homeExists = db.section("home").startsWith("present");
            Optional<PasswdEntry> user = db.user(spec.name());
            if (!spec.present()) {
                if (user.isEmpty()) return none(result);
                result.put("force", spec.force());
                result.put("remove", spec.remove());
                Cmd del = Cmd.of("pw", "userdel", "-n", spec.name());
                if (spec.remove()) del = del.plus("-r");
                return change(Action.DELETE, describe(user.get(), db), "", List.of(Step.Exec.of(del)), user.get().home(),
                        result);
            }
            if (user.isEmpty()) return create(db, result);
            if (spec.group().isPresent() && db.group(spec.group().get()).isEmpty()) {
                return Planned.failed("Group " + spec.group().get() + " does not exist", result);
            }
            for (String g : spec.groups().orElse(List.of())) {
                if (db.group(g).isEmpty()) return Planned.failed("Group " + g + " does not exist", result);
            }
            return modify(db, user.get(), homeExists, result);
        }

        private Planned create(AccountDatabase db, Map<String, Object> result) {
            Cmd add = Cmd.of("pw", "useradd", "-n", spec.name());
            if (spec.uid().isPresent()) {
                add = add.plus("-u", Long.toString(spec.uid().get()));
                if (spec.nonUnique()) add = add.plus("-o");
            }
            if (spec.comment().isPresent()) add = add.plus("-c", spec.comment().get());
            if (spec.home().isPresent()) add = add.plus("-d", spec.home().get());
            if (spec.group().isPresent()) add = add.plus("-g", spec.group().get());
            if (spec.groups().isPresent()) add = add.plus("-G", String.join(",", spec.groups().get()));
            if (spec.createHome()) {
                add = add.plus("-m");
                if (spec.skeleton().isPresent()) add = add.plus("-k", spec.skeleton().get());
                if (spec.umask().isPresent()) add = add.plus("-K", "UMASK=" + spec.umask().get());
            }
            if (spec.shell().isPresent()) add = add.plus("-s", spec.shell().get());
            if (spec.loginClass().isPresent()) add = add.plus("-L", spec.loginClass().get());
            if (spec.expires().isPresent()) add = add.plus("-e", expiry(spec.expires().get()));
            // A group a task before this one creates is only there once that task ran (check mode: never), so
            // create_user's "Group X does not exist" is checked when the step runs, as Ansible checks it then.
            List<String> named = new ArrayList<>();
            spec.group().ifPresent(named::add);
            named.addAll(spec.groups().orElse(List.of()));
            List<Step> steps = new ArrayList<>();
            if (named.stream().anyMatch(g -> db.group(g).isEmpty())) {
                ShellScript check = ShellScript.create();
                for (String g : named) {
                    check.line("pw groupshow {} >/dev/null 2>&1 || { echo {} >&2; exit 1; }", g, "Group " + g + " does not exist");
                }
                steps.add(Step.Exec.of(check.cmd(add), add.toShell()));
            } else {
                steps.add(Step.Exec.of(add));
            }
            spec.password().ifPresent(p -> steps.add(passwordStep(spec.name(), p)));
            if (spec.passwordLock().orElse(false)) steps.add(Step.Exec.of(Cmd.of("pw", "lock", spec.name())));

            // What pw will make of it (pw_user.c: pw_uidpolicy, pw_gidpolicy, the defaults of pw_conf.c).
            long uid = spec.uid().orElseGet(() -> db.nextId(false));
            long gid = spec.group().flatMap(db::group).map(GroupEntry::gid).orElseGet(() -> db.groupNamed(spec.name())
                    .filter(g -> g.members().isEmpty()).map(GroupEntry::gid)
                    .orElseGet(() -> db.groupWithGid(uid).isEmpty() ? uid : db.nextId(true)));
            PasswdEntry made = new PasswdEntry(spec.name(), spec.password().orElse("*"), uid, gid,
                    spec.loginClass().orElse(""), 0, spec.expires().map(e -> Long.parseLong(expiry(e))).orElse(0L),
                    spec.comment().orElse("User &"), spec.home().orElse("/home/" + spec.name()),
                    spec.shell().map(s -> s.startsWith("/") || s.isEmpty() ? s : "/bin/" + s).orElse("/bin/sh"));
            result.put("system", spec.system());
            result.put("create_home", spec.createHome());
            spec.password().ifPresent(p -> result.put("password", PASSWORD_SHOWN));
            putInfo(result, made);
            String after = describe(made, db.groupWithGid(gid).map(GroupEntry::name).orElse(spec.name()),
                    spec.groups().orElse(List.of()), spec.password().isPresent());
            return change(Action.CREATE, "", after, steps, made.home(), result);
        }

        private Planned modify(AccountDatabase db, PasswdEntry user, boolean homeExists, Map<String, Object> result) {
            Cmd mod = Cmd.of("pw", "usermod", "-n", spec.name());
            int bare = mod.argv().size();
            boolean makeHome = false;
            PasswdEntry after = user;
            if (spec.uid().isPresent() && spec.uid().get() != user.uid()) {
                mod = mod.plus("-u", Long.toString(spec.uid().get()));
                if (spec.nonUnique()) mod = mod.plus("-o");
                after = after.withUid(spec.uid().get());
            }
            if (spec.comment().isPresent() && !spec.comment().get().equals(user.gecos())) {
                mod = mod.plus("-c", spec.comment().get());
                after = after.withGecos(spec.comment().get());
            }
            if (spec.home().isPresent()) {
                String home = spec.home().get();
                makeHome = (!home.equals(user.home()) && spec.moveHome()) || (!homeExists && spec.createHome());
                if (makeHome) mod = mod.plus("-m");
                if (!home.equals(user.home())) {
                    mod = mod.plus("-d", home);
                    after = after.withHome(home);
                }
                if (makeHome && spec.skeleton().isPresent()) mod = mod.plus("-k", spec.skeleton().get());
                if (makeHome && spec.umask().isPresent()) mod = mod.plus("-K", "UMASK=" + spec.umask().get());
            }
            if (spec.group().isPresent()) {
                GroupEntry g = db.group(spec.group().get()).orElseThrow();
                if (g.gid() != user.gid()) {
                    mod = mod.plus("-g", spec.group().get());
                    after = after.withGid(g.gid());
                }
            }
            if (spec.shell().isPresent() && !spec.shell().get().equals(user.shell())) {
                mod = mod.plus("-s", spec.shell().get());
                after = after.withShell(spec.shell().get());
            }
            if (spec.loginClass().isPresent() && !spec.loginClass().get().equals(user.loginClass())) {
                mod = mod.plus("-L", spec.loginClass().get());
                after = after.withLoginClass(spec.loginClass().get());
            }
            List<String> current = db.supplementaryGroups(user.name(), user.gid());
            List<String> groupsAfter = current;
            if (spec.groups().isPresent()) {
                // FreeBsdUser.modify_user: the wanted groups less the user's primary group, compared as sets
                Set<String> wanted = new LinkedHashSet<>();
                for (String g : spec.groups().get()) {
                    GroupEntry e = db.group(g).orElseThrow();
                    if (e.gid() != user.gid()) wanted.add(g);
                }
                Set<String> currentSet = new LinkedHashSet<>(current);
                Set<String> wantedNames = new LinkedHashSet<>();
                for (String g : wanted) wantedNames.add(db.group(g).orElseThrow().name());
                boolean differs = !currentSet.equals(wantedNames);
                boolean needed = differs && (!spec.append() || !currentSet.containsAll(wantedNames));
                if (needed) {
                    Set<String> list = new LinkedHashSet<>(wanted);
                    if (spec.append()) list.addAll(current);
                    mod = mod.plus("-G", String.join(",", list));
                    Set<String> names = new LinkedHashSet<>(wantedNames);
                    if (spec.append()) names.addAll(current);
                    groupsAfter = List.copyOf(names);
                }
            }
            if (spec.expires().isPresent()) {
                double wanted = spec.expires().get();
                long now = user.expire();
                if (wanted <= 0) {
                    if (now > 0) {
                        mod = mod.plus("-e", "0");
                        after = after.withExpire(0);
                    }
                } else if (now <= 0 || !day(now).equals(day((long) Math.floor(wanted)))) {
                    mod = mod.plus("-e", expiry(wanted));
                    after = after.withExpire(Long.parseLong(expiry(wanted)));
                }
            }
            List<Step> steps = new ArrayList<>();
            boolean newHash = false;
            if (mod.argv().size() > bare) steps.add(Step.Exec.of(mod));
            if (spec.updateAlways() && spec.password().isPresent()
                    && !stripLocked(user.password()).equals(stripLocked(spec.password().get()))) {
                steps.add(passwordStep(spec.name(), spec.password().get()));
                after = after.withPassword(spec.password().get());
                newHash = true;
            }
            boolean locked = user.locked();
            if (spec.passwordLock().isPresent() && spec.passwordLock().get() != locked) {
                steps.add(Step.Exec.of(Cmd.of("pw", spec.passwordLock().get() ? "lock" : "unlock", spec.name())));
                after = after.withPassword((spec.passwordLock().get() ? PasswdEntry.LOCKED : "") + stripPrefix(after.password()));
            }
            String home = after.home();
            if (!homeExists && spec.createHome() && !makeHome) {
                // main(): a missing home is made by Ansible itself, owned by the user
                steps.add(Step.Exec.of(ShellScript.create()
                        .line("mkdir -p {} && chown {} {}", home, after.uid() + ":" + after.gid(), home), "mkdir -p " + home));
            }
            result.put("append", spec.append());
            result.put("move_home", spec.moveHome());
            spec.password().ifPresent(p -> result.put("password", PASSWORD_SHOWN));
            putInfo(result, after);
            if (steps.isEmpty()) return none(result);
            String groupName = db.groupWithGid(after.gid()).map(GroupEntry::name).orElse(Long.toString(after.gid()));
            String beforeGroup = db.groupWithGid(user.gid()).map(GroupEntry::name).orElse(Long.toString(user.gid()));
            return change(Action.UPDATE, describe(user, beforeGroup, current, false),
                    describe(after, groupName, groupsAfter, newHash), steps, home, result);
        }

        private void putInfo(Map<String, Object> result, PasswdEntry e) {
            result.put("uid", e.uid());
            result.put("group", e.gid());
            result.put("comment", e.gecos());
            result.put("home", e.home());
            result.put("shell", e.shell());
            spec.groups().ifPresent(g -> result.put("groups", String.join(",", g)));
        }

        private Planned change(Action action, String before, String after, List<Step> steps, String home,
                               Map<String, Object> result) {
            String subject = "user " + spec.name();
            List<Resource> writes = List.of(Resource.path("/etc/master.passwd"), Resource.path("/etc/passwd"),
                    Resource.path("/etc/group"), Resource.path(home), Resource.path("/var/mail/" + spec.name()));
            return Planned.of(List.of(new Change(action, subject, Diff.of(subject, before, after), steps, writes)), result);
        }

        private Planned none(Map<String, Object> result) {
            return Planned.of(List.of(Change.none("user " + spec.name())), result);
        }
    }

    /** The hash goes to pw on standard input from sh's printf builtin: never an argument of any process. */
    static Step passwordStep(String name, String hash) {
        String script = ShellScript.fill("printf '%s\\n' {} | pw usermod -n {} -H 0", hash, name);
        return new Step.Exec(script, Cmd.of("pw", "usermod", "-n", name, "-H", "0").toShell()
                + " < (the password hash)", false);
    }

    /** What a reviewer reads of an account: its fields, the password only as set or not. */
    static String describe(PasswdEntry e, AccountDatabase db) {
        String group = db.groupWithGid(e.gid()).map(GroupEntry::name).orElse(Long.toString(e.gid()));
        return describe(e, group, db.supplementaryGroups(e.name(), e.gid()), false);
    }

    /** {@code newHash}: the change sets a password, which the diff says without showing it. */
    static String describe(PasswdEntry e, String group, List<String> groups, boolean newHash) {
        StringBuilder s = new StringBuilder();
        s.append("name: ").append(e.name()).append('\n');
        s.append("uid: ").append(e.uid()).append('\n');
        s.append("group: ").append(group).append(" (").append(e.gid()).append(")\n");
        s.append("groups:").append(groups.isEmpty() ? "" : " " + String.join(",", groups)).append('\n');
        s.append("comment:").append(e.gecos().isEmpty() ? "" : " " + e.gecos()).append('\n');
        s.append("home: ").append(e.home()).append('\n');
        s.append("shell: ").append(e.shell()).append('\n');
        if (!e.loginClass().isEmpty()) s.append("login_class: ").append(e.loginClass()).append('\n');
        if (e.expire() != 0) s.append("expires: ").append(e.expire()).append('\n');
        s.append("password: ").append(passwordState(e.password())).append(newHash ? " (new hash)" : "").append('\n');
        return s.toString();
    }

    /** A password field as a reviewer may see it: never the hash, only whether there is one and whether it is locked. */
    static String passwordState(String field) {
        String locked = field.startsWith(PasswdEntry.LOCKED) ? " (locked)" : "";
        String rest = stripPrefix(field);
        return (rest.isEmpty() ? "none (empty)" : rest.equals("*") ? "no login (*)" : "set") + locked;
    }

    private static String stripPrefix(String field) {
        return field.startsWith(PasswdEntry.LOCKED) ? field.substring(PasswdEntry.LOCKED.length()) : field;
    }

    /** Python's {@code str.lstrip('*LOCKED*')}: strips leading characters of that set, as modify_user compares. */
    static String stripLocked(String s) {
        int i = 0;
        while (i < s.length() && "*LOCKED".indexOf(s.charAt(i)) >= 0) i++;
        return s.substring(i);
    }

    /** Seconds since the epoch as FreeBsdUser passes them (calendar.timegm of the gmtime: whole seconds, 0 before 1970). */
    static String expiry(double seconds) {
        return seconds < 0 ? "0" : Long.toString((long) Math.floor(seconds));
    }

    private static LocalDate day(long seconds) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }
}
