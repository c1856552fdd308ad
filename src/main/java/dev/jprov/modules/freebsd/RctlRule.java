package dev.jprov.modules.freebsd;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rctl(8) rule, {@code subject:id:resource:action=amount[/per]}, checked as kern_rctl.c checks it: known
 * subject, resource and action, deny only on deniable resources, throttle only on decaying ones (not pcpu).
 * {@code amount} keeps the task's spelling (512M) for rctl.conf; {@link #bytes()} is what the kernel stores and
 * {@code rctl} prints, so rules compare by value.
 */
record RctlRule(String subject, String id, String resource, String action, String amount, Optional<String> per) {

    /** A rule that does not parse or that the kernel would refuse; the message says which part and why. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private static final Map<String, String> SUBJECT_ALIASES = Map.of("u", "user", "p", "process", "l", "loginclass",
            "c", "loginclass", "class", "loginclass", "j", "jail");
    private static final List<String> SUBJECTS = List.of("process", "user", "loginclass", "jail");
    /** racct.c: resource -> {deniable, decaying}. */
    private static final Map<String, boolean[]> RESOURCES = Map.ofEntries(
            Map.entry("cputime", new boolean[] {false, false}), Map.entry("datasize", new boolean[] {true, false}),
            Map.entry("stacksize", new boolean[] {true, false}), Map.entry("coredumpsize", new boolean[] {true, false}),
            Map.entry("memoryuse", new boolean[] {true, false}), Map.entry("memorylocked", new boolean[] {true, false}),
            Map.entry("maxproc", new boolean[] {true, false}), Map.entry("openfiles", new boolean[] {true, false}),
            Map.entry("vmemoryuse", new boolean[] {true, false}),
            Map.entry("pseudoterminals", new boolean[] {true, false}), Map.entry("swapuse", new boolean[] {true, false}),
            Map.entry("nthr", new boolean[] {true, false}), Map.entry("msgqqueued", new boolean[] {true, false}),
            Map.entry("msgqsize", new boolean[] {true, false}), Map.entry("nmsgq", new boolean[] {true, false}),
            Map.entry("nsem", new boolean[] {true, false}), Map.entry("nsemop", new boolean[] {true, false}),
            Map.entry("nshm", new boolean[] {true, false}), Map.entry("shmsize", new boolean[] {true, false}),
            Map.entry("wallclock", new boolean[] {false, false}), Map.entry("pcpu", new boolean[] {true, true}),
            Map.entry("readbps", new boolean[] {false, true}), Map.entry("writebps", new boolean[] {false, true}),
            Map.entry("readiops", new boolean[] {false, true}), Map.entry("writeiops", new boolean[] {false, true}));
    private static final List<String> ACTIONS = List.of("deny", "log", "devctl", "throttle", "sighup", "sigint",
            "sigquit", "sigill", "sigtrap", "sigabrt", "sigemt", "sigfpe", "sigkill", "sigbus", "sigsegv", "sigsys",
            "sigpipe", "sigalrm", "sigterm", "sigurg", "sigstop", "sigtstp", "sigcont", "sigchld", "sigttin",
            "sigttou", "sigio", "sigxcpu", "sigxfsz", "sigvtalrm", "sigprof", "sigwinch", "siginfo", "sigusr1",
            "sigusr2", "sigthr");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern AMOUNT = Pattern.compile("([0-9]+)([kKmMgGtTpPeE]?)[bB]?");

    /** Parses and checks rule text (as in rctl.conf, a task, or {@code rctl}'s output). */
    static RctlRule parse(String text) {
        String[] f = text.trim().split(":", -1);
        if (f.length != 4) {
            throw new Invalid("rctl rule '" + text + "' must be subject:subject-id:resource:action=amount[/per]");
        }
        String subject = SUBJECT_ALIASES.getOrDefault(f[0].toLowerCase(Locale.ROOT), f[0]);
        String rest = f[3];
        int eq = rest.indexOf('=');
        if (eq < 0) throw new Invalid("rctl rule '" + text + "' has no =amount");
        String action = rest.substring(0, eq);
        String amountPer = rest.substring(eq + 1);
        int slash = amountPer.indexOf('/');
        String amount = slash < 0 ? amountPer : amountPer.substring(0, slash);
        Optional<String> per = slash < 0 ? Optional.empty()
                : Optional.of(SUBJECT_ALIASES.getOrDefault(amountPer.substring(slash + 1), amountPer.substring(slash + 1)));
        return of(subject, f[1], f[2], action, amount, per, text);
    }

    /** Builds and checks a rule from its parts; {@code source} names it in messages. */
    static RctlRule of(String subject, String id, String resource, String action, String amount,
                       Optional<String> per, String source) {
        String where = "rctl rule '" + source + "': ";
        subject = SUBJECT_ALIASES.getOrDefault(subject, subject);
        if (!SUBJECTS.contains(subject)) {
            throw new Invalid(where + "unknown subject '" + subject + "' (one of " + String.join(", ", SUBJECTS) + ")");
        }
        if (!ID.matcher(id).matches()) throw new Invalid(where + "bad subject id '" + id + "'");
        if ((subject.equals("process")) && !id.chars().allMatch(Character::isDigit)) {
            throw new Invalid(where + "a process is named by its pid");
        }
        boolean[] kind = RESOURCES.get(resource);
        if (kind == null) throw new Invalid(where + "unknown resource '" + resource + "'");
        if (!ACTIONS.contains(action)) throw new Invalid(where + "unknown action '" + action + "'");
        if (action.equals("deny") && !kind[0]) throw new Invalid(where + resource + " cannot be denied");
        if (action.equals("throttle") && (!kind[1] || resource.equals("pcpu"))) {
            throw new Invalid(where + resource + " cannot be throttled");
        }
        if (!AMOUNT.matcher(amount).matches()) {
            throw new Invalid(where + "amount '" + amount + "' is not a number with an optional k/m/g/t/p/e suffix");
        }
        if (per.isPresent() && !SUBJECTS.contains(per.get())) throw new Invalid(where + "bad per '" + per.get() + "'");
        RctlRule r = new RctlRule(subject, id, resource, action, amount, per);
        r.bytes();
        return r;
    }

    /** What identifies the rule in the kernel: adding a rule with the same key replaces it. */
    String key() {
        return subject + ":" + id + ":" + resource + ":" + action + per.filter(p -> !p.equals(subject)).map(p -> "/" + p).orElse("");
    }

    String filter() {
        return subject + ":" + id + ":" + resource + ":" + action;
    }

    String subjectKey() {
        return subject + ":" + id;
    }

    String text() {
        return subject + ":" + id + ":" + resource + ":" + action + "=" + amount
                + per.filter(p -> !p.equals(subject)).map(p -> "/" + p).orElse("");
    }

    /** expand_number(3): the amount in units (bytes for sizes). */
    long bytes() {
        var m = AMOUNT.matcher(amount);
        if (!m.matches()) throw new Invalid("bad amount " + amount);
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            case "p" -> 50;
            case "e" -> 60;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (shift > 0 && n > (Long.MAX_VALUE >> shift)) throw new Invalid("amount " + amount + " is too large");
            return n << shift;
        } catch (NumberFormatException e) {
            throw new Invalid("amount " + amount + " is too large");
        }
    }

    boolean sameValue(RctlRule other) {
        return key().equals(other.key()) && bytes() == other.bytes();
    }

    /** The rule with the amount written the short way when it is exact (536870912 -> 512M), for diffs. */
    String readable() {
        long b = bytes();
        String[] units = {"E", "P", "T", "G", "M", "K"};
        int[] shifts = {60, 50, 40, 30, 20, 10};
        String amt = Long.toString(b);
        for (int i = 0; i < units.length; i++) {
            if (b != 0 && b % (1L << shifts[i]) == 0) {
                amt = (b >> shifts[i]) + units[i];
                break;
            }
        }
        if (!resourceIsSize()) amt = Long.toString(b);
        return subject + ":" + id + ":" + resource + ":" + action + "=" + amt
                + per.filter(p -> !p.equals(subject)).map(p -> "/" + p).orElse("");
    }

    private boolean resourceIsSize() {
        return List.of("datasize", "stacksize", "coredumpsize", "memoryuse", "memorylocked", "vmemoryuse", "swapuse",
                "msgqsize", "shmsize", "readbps", "writebps").contains(resource);
    }
}
