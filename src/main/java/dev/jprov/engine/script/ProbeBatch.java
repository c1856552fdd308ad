package dev.jprov.engine.script;

import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.plan.ShellQuote;
import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The probes of many tasks as ONE read-only script for one host, and the decoding of its output into answers.
 * Shell probes each get a record; all FileInfo probes share one stat call (two when some follow symlinks),
 * one sha256 call and a symlink scan, so the process count does not grow with the number of files.
 */
public final class ProbeBatch {
    private final Boundary boundary;
    private final List<Probe.Shell> shells = new ArrayList<>();
    private final Set<Probe.FileInfo> files = new LinkedHashSet<>();
    private final List<Probe.FileContent> contents = new ArrayList<>();

    private static final String FLAVOR = "F";

    public ProbeBatch(Boundary boundary) {
        this.boundary = boundary;
    }

    public ProbeBatch add(Probe probe) {
        switch (probe) {
            case Probe.Shell s -> { if (!shells.contains(s)) shells.add(s); }
            case Probe.FileInfo f -> files.add(f);
            case Probe.FileContent c -> { if (!contents.contains(c)) contents.add(c); }
        }
        return this;
    }

    public ProbeBatch addAll(List<? extends Probe> probes) {
        probes.forEach(this::add);
        return this;
    }

    public boolean isEmpty() {
        return shells.isEmpty() && files.isEmpty() && contents.isEmpty();
    }

    public RemoteScript.ProbeScript script() {
        return new RemoteScript.ProbeScript(boundary.declaration() + "\n" + ShellPrelude.TEXT + records());
    }

    /** The probes to follow another batch's script, which has defined the prelude's functions already. */
    String body() {
        return boundary.declaration() + "\n" + records();
    }

    private String records() {
        StringBuilder s = new StringBuilder(4096);
        record(FLAVOR, "printf '%s' \"$jp_flavor\"", s);
        if (!files.isEmpty()) {
            List<String> plain = new ArrayList<>();
            List<String> follow = new ArrayList<>();
            Set<String> hashed = new LinkedHashSet<>();
            Set<String> all = new LinkedHashSet<>();
            for (Probe.FileInfo f : files) {
                (f.follow() ? follow : plain).add(f.path());
                if (f.hash()) hashed.add(f.path());
                all.add(f.path());
            }
            record("P", "jp_stat P " + ShellQuote.join(plain), s);
            record("L", "jp_stat L " + ShellQuote.join(follow), s);
            record("K", "jp_links " + ShellQuote.join(new ArrayList<>(all)), s);
            record("H", "jp_hash " + ShellQuote.join(new ArrayList<>(hashed)), s);
        }
        for (int i = 0; i < shells.size(); i++) {
            record(Integer.toString(i), shells.get(i).script(), s);
        }
        for (int i = 0; i < contents.size(); i++) {
            record("C" + i, ContentRead.script(contents.get(i)), s);
        }
        return s.toString();
    }

    /**
     * One probe between its markers, in a subshell: a probe's {@code exit N} (its answer's exit code, as the Probe
     * contract allows) and its {@code set --} or variables end with it instead of ending the whole script. Its
     * stdin is /dev/null: the script itself is on the shell's stdin and must never be read.
     */
    private void record(String id, String body, StringBuilder s) {
        s.append(boundary.startMarker(id)).append('\n')
                .append("(\n").append(body).append("\n) </dev/null\n")
                .append("jp_rc=$?\n")
                .append(boundary.endMarker(id)).append('\n');
    }

    /** Decodes the script's output into one answer per probe (ProbeAnswer, FileFacts or FileContent). */
    public Map<Probe, Object> answers(ExecResult result) throws ProbeFailure {
        ScriptRecords records = ScriptRecords.parse(boundary, result.stdout(), result.stderr());
        Map<Probe, Object> answers = new LinkedHashMap<>();
        for (int i = 0; i < shells.size(); i++) {
            answers.put(shells.get(i), answer(records, Integer.toString(i), result));
        }
        for (int i = 0; i < contents.size(); i++) {
            Probe.FileContent c = contents.get(i);
            answers.put(c, ContentRead.decode(answer(records, "C" + i, result), c.path()));
        }
        if (!files.isEmpty()) {
            Map<String, String[]> plain = statLines(records, "P");
            Map<String, String[]> follow = statLines(records, "L");
            Map<String, String> links = tabbed(records, "K");
            Map<String, String> hashes = hashLines(records);
            for (Probe.FileInfo f : files) {
                String[] st = (f.follow() ? follow : plain).get(f.path());
                answers.put(f, st == null ? FileFacts.absent(f.path()) : fileFacts(f, st, links, hashes));
            }
        }
        return answers;
    }

    private static ProbeAnswer answer(ScriptRecords records, String id, ExecResult result) throws ProbeFailure {
        ScriptRecords.Entry e = records.get(id);
        if (e == null || e.exitCode().isEmpty()) {
            throw new ProbeFailure("probe script stopped before probe " + id + " finished (exit "
                    + result.exitCode() + "): " + result.stderrText().strip());
        }
        return new ProbeAnswer(e.exitCode().getAsInt(), e.stdout(), e.stderr());
    }

    private static FileFacts fileFacts(Probe.FileInfo f, String[] st, Map<String, String> links,
                                       Map<String, String> hashes) {
        int raw = st[0].startsWith("x") ? Integer.parseInt(st[0].substring(1), 16) : Integer.parseInt(st[0], 8);
        int fmt = raw & 0170000;
        FileFacts.Type type = switch (fmt) {
            case 0100000 -> FileFacts.Type.FILE;
            case 0040000 -> FileFacts.Type.DIRECTORY;
            case 0120000 -> FileFacts.Type.LINK;
            default -> FileFacts.Type.OTHER;
        };
        String mode = String.format("%04o", raw & 07777);
        Optional<String> sha = type == FileFacts.Type.FILE || (f.follow() && type != FileFacts.Type.DIRECTORY)
                ? Optional.ofNullable(hashes.get(f.path())) : Optional.empty();
        if (!f.hash()) sha = Optional.empty();
        Optional<String> target = type == FileFacts.Type.LINK ? Optional.ofNullable(links.get(f.path()))
                : Optional.empty();
        return new FileFacts(f.path(), type, mode, Integer.parseInt(st[1]), Integer.parseInt(st[2]), st[3], st[4],
                Long.parseLong(st[5]), Long.parseLong(st[6]), sha, target);
    }

    /** "MODE UID GID USER GROUP SIZE MTIME PATH" lines keyed by path (paths may contain spaces). */
    private static Map<String, String[]> statLines(ScriptRecords records, String id) {
        Map<String, String[]> out = new LinkedHashMap<>();
        ScriptRecords.Entry e = records.get(id);
        if (e == null) return out;
        for (String line : e.stdout().split("\n")) {
            String[] parts = line.split(" ", 8);
            if (parts.length < 8) continue;
            out.put(parts[7], parts);
        }
        return out;
    }

    private static Map<String, String> tabbed(ScriptRecords records, String id) {
        Map<String, String> out = new LinkedHashMap<>();
        ScriptRecords.Entry e = records.get(id);
        if (e == null) return out;
        for (String line : e.stdout().split("\n")) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) out.put(line.substring(tab + 1), line.substring(0, tab));
        }
        return out;
    }

    /** Both BSD {@code sha256 -r} ("hash path") and GNU sha256sum ("hash  path" or "hash *path"). */
    private static Map<String, String> hashLines(ScriptRecords records) {
        Map<String, String> out = new LinkedHashMap<>();
        ScriptRecords.Entry e = records.get("H");
        if (e == null) return out;
        for (String line : e.stdout().split("\n")) {
            if (line.length() < 66 || line.charAt(64) != ' ') continue;
            String path = line.substring(65);
            if (path.startsWith(" ") || path.startsWith("*")) path = path.substring(1);
            out.put(path, line.substring(0, 64));
        }
        return out;
    }

    /**
     * The shell line that tells later scripts for this target which stat(1) it has, so they skip the test (a
     * process, more on an emulated host): empty when the answer is not one of the two known.
     */
    public String flavor(ExecResult result) {
        ScriptRecords.Entry e = ScriptRecords.parse(boundary, result.stdout(), result.stderr()).get(FLAVOR);
        if (e == null || !(e.stdout().equals("bsd") || e.stdout().equals("gnu"))) return "";
        return "jp_flavor=" + e.stdout() + "\n";
    }

    /** The probe script could not be run to its end: the host's shell failed, not a probe. */
    public static final class ProbeFailure extends Exception {
        public ProbeFailure(String message) {
            super(message);
        }
    }
}
