package dev.jprov.modules.files;

import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellQuote;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * find's walk of its paths as one read-only probe, the same on FreeBSD (find(1), stat(1) -f, sha1) and in a jail
 * (busybox find and stat -c): {@code find -H [-L] PATH -mindepth 1 -maxdepth N -exec stat ... {} +} gives every
 * entry's lstat (-H: a path that is a symlink to a directory is walked, as os.walk(path) does); regular files'
 * text (od, for {@code contains}) and sha1 (for {@code get_checksum}) only when asked.
 *
 * <p>Entries are put in os.walk's order (per directory: its non-directories, then its directories, then each
 * directory's walk), from find's order, which is the directory's order as os.scandir's is.
 *
 * @param contentGlobs the name globs of {@code patterns} whose regular files' text is read (all files when empty)
 */
record FindWalk(List<String> paths, boolean recurse, int depth, boolean follow, boolean checksums,
                Optional<List<String>> contentGlobs, boolean contents) {

    /** One entry below a path: its normalized path, depth below it (1: in it) and lstat fields. */
    record Entry(String path, String name, int depth, int mode, long uid, long gid, long size, long inode, long dev,
                 long nlink, long atime, long mtime, long ctime, String owner, String group) {
        int type() {
            return mode & 0170000;
        }
    }

    /** What the probe found: entries in os.walk order, how many were looked at, paths skipped and why. */
    record Listing(long now, List<Entry> entries, int examined, Map<String, String> skipped,
                   Map<String, Optional<String>> contentByPath, Map<String, String> checksumByPath) {
        /** The file's text, empty when unread or not UTF-8 (find.py's open() then raises and the file is not matched). */
        Optional<String> content(String path) {
            return contentByPath.getOrDefault(path, Optional.empty());
        }

        Optional<String> checksum(String path) {
            return Optional.ofNullable(checksumByPath.get(path));
        }
    }

    /** Entries deeper than this are walked over (and counted as examined) but never matched. */
    int matchDepth() {
        return depth != 0 ? depth : Integer.MAX_VALUE;
    }

    private String maxDepth() {
        if (!recurse || depth < 0) return " -maxdepth 1";
        return depth > 0 ? " -maxdepth " + (depth + 1) : "";
    }

    Probe.Shell probe() {
        StringBuilder s = new StringBuilder();
        s.append("echo \"now $(date +%s)\"\n");
        s.append("if [ \"$jp_flavor\" = bsd ]; then jp_sf=-f; jp_sfmt='e %d %i %p %l %u %g %z %a %m %c %Su %Sg %N';"
                + " else jp_sf=-c; jp_sfmt='e %d %i x%f %h %u %g %s %X %Y %Z %U %G %n'; fi\n");
        String find = "find -H" + (follow ? " -L" : "");
        List<Resource> reads = new ArrayList<>();
        for (String path : paths) {
            reads.add(Resource.path(path));
            s.append("jp_p=").append(expandUser(path)).append('\n');
            s.append("if [ -d \"$jp_p\" ]; then\n  printf 'root %s\\n' \"$jp_p\"\n");
            s.append("  { ").append(find).append(" \"$jp_p\" -mindepth 1").append(maxDepth())
                    .append(" -exec stat \"$jp_sf\" \"$jp_sfmt\" {} + 2>&1 1>&3 3>&- | sed 's/^/err /'; } 3>&1\n");
            if (contents) {
                s.append("  ").append(find).append(" \"$jp_p\" -mindepth 1").append(maxDepth()).append(" -type f")
                        .append(nameFilter()).append(" -exec sh -c 'for f; do printf \"c %s\\n\" \"$f\";"
                                + " od -An -v -tx1 \"$f\"; echo z; done' sh {} + 2>/dev/null\n");
            }
            if (checksums) {
                s.append("  ").append(find).append(" \"$jp_p\" -mindepth 1").append(maxDepth()).append(" -type f")
                        .append(" -exec sh -c 'for f; do if command -v sha1 >/dev/null 2>&1; then h=$(sha1 -q \"$f\");"
                                + " else h=$(sha1sum < \"$f\"); fi; printf \"k %s %s\\n\" \"${h%% *}\" \"$f\"; done'"
                                + " sh {} + 2>/dev/null\n");
            }
            s.append("  echo end\nelse printf 'notdir %s\\n' \"$jp_p\"; fi\n");
        }
        return new Probe.Shell(s.toString(), reads);
    }

    /** os.path.expanduser of the remote: a leading ~ is the connecting user's $HOME. */
    private static String expandUser(String path) {
        if (path.equals("~")) return "\"$HOME\"";
        if (path.startsWith("~/")) return "\"$HOME\"" + ShellQuote.quote(path.substring(1));
        return ShellQuote.quote(path);
    }

    private String nameFilter() {
        List<String> globs = contentGlobs.orElse(List.of());
        if (globs.isEmpty()) return "";
        StringBuilder f = new StringBuilder(" \\(");
        for (int i = 0; i < globs.size(); i++) {
            if (i > 0) f.append(" -o");
            f.append(" -name ").append(ShellQuote.quote(globs.get(i)));
        }
        return f.append(" \\)").toString();
    }

    Listing read(ProbeAnswer answer) {
        long now = 0;
        List<Entry> entries = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, Optional<String>> content = new LinkedHashMap<>();
        Map<String, String> checksum = new LinkedHashMap<>();
        int examined = 0;
        String root = null;
        List<Entry> rootEntries = new ArrayList<>();
        String contentPath = null;
        StringBuilder hex = new StringBuilder();
        for (String line : answer.stdout().split("\n", -1)) {
            if (contentPath != null) {
                if (line.equals("z")) {
                    content.put(contentPath, utf8(hex.toString()));
                    contentPath = null;
                    hex.setLength(0);
                } else {
                    hex.append(line.replace(" ", ""));
                }
            } else if (line.startsWith("now ")) {
                now = Long.parseLong(line.substring(4).trim());
            } else if (line.startsWith("root ")) {
                root = line.substring(5);
                rootEntries = new ArrayList<>();
            } else if (line.startsWith("e ") && root != null) {
                entry(root, line).ifPresent(rootEntries::add);
            } else if (line.startsWith("err ") && root != null) {
                skipped.put(root, pythonError(line.substring(4)));
            } else if (line.startsWith("c ")) {
                contentPath = PosixPath.normalize(line.substring(2));
            } else if (line.startsWith("k ")) {
                String[] w = line.split(" ", 3);
                if (w.length == 3) checksum.put(PosixPath.normalize(w[2]), w[1]);
            } else if (line.equals("end") && root != null) {
                examined += rootEntries.size();
                entries.addAll(walkOrder(root, rootEntries));
                root = null;
            } else if (line.startsWith("notdir ")) {
                String p = line.substring(7);
                skipped.put(p, "'" + p + "' is not a directory");
            }
        }
        return new Listing(now, entries, examined, skipped, content, checksum);
    }

    private static Optional<String> utf8(String hexText) {
        byte[] bytes = HexFormat.of().parseHex(hexText);
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** find(1)'s "find: PATH: Permission denied" as the OSError text os.walk's error carries. */
    private static String pythonError(String message) {
        String m = message.startsWith("find: ") ? message.substring(6) : message;
        int colon = m.lastIndexOf(": ");
        if (colon < 0) return m;
        String path = m.substring(0, colon);
        String why = m.substring(colon + 2);
        String errno = switch (why) {
            case "Permission denied" -> "[Errno 13] ";
            case "No such file or directory" -> "[Errno 2] ";
            default -> "";
        };
        return errno + why + ": '" + path.replaceAll("^[‘'`]|[’']$", "") + "'";
    }

    /** One stat line: "e dev ino mode nlink uid gid size atime mtime ctime user group path". */
    private static Optional<Entry> entry(String root, String line) {
        String[] w = line.split(" ", 14);
        if (w.length < 14) return Optional.empty();
        int mode = w[3].startsWith("x") ? Integer.parseInt(w[3].substring(1), 16) : Integer.parseInt(w[3], 8);
        String path = PosixPath.normalize(w[13]);
        String top = PosixPath.stripTrailingSlashes(root) + "/";
        int depth = count(path) - count(top) + 1;
        long uid = Long.parseLong(w[5]);
        long gid = Long.parseLong(w[6]);
        return Optional.of(new Entry(path, PosixPath.baseName(path), depth, mode, uid, gid, Long.parseLong(w[7]),
                Long.parseLong(w[2]), Long.parseLong(w[1]), Long.parseLong(w[4]), Long.parseLong(w[8]),
                Long.parseLong(w[9]), Long.parseLong(w[10]), name(w[11], uid), name(w[12], gid)));
    }

    /** pwd.getpwuid's name, "" where there is none: stat(1) prints the number (BSD) or UNKNOWN (GNU) then. */
    private static String name(String printed, long id) {
        return printed.equals(Long.toString(id)) || printed.equals("UNKNOWN") ? "" : printed;
    }

    private static int count(String s) {
        int c = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '/') c++;
        return c;
    }

    /**
     * os.walk's top-down order: a directory's non-directories, its directories, then each directory's walk (a
     * symlink find -L walked into counts as a directory, as os.walk's followlinks does).
     */
    private static List<Entry> walkOrder(String root, List<Entry> found) {
        Map<String, List<Entry>> byParent = new LinkedHashMap<>();
        for (Entry e : found) byParent.computeIfAbsent(PosixPath.parent(e.path()), k -> new ArrayList<>()).add(e);
        List<Entry> out = new ArrayList<>();
        walk(PosixPath.normalize(root), byParent, out, new java.util.HashSet<>());
        return out;
    }

    private static void walk(String dir, Map<String, List<Entry>> byParent, List<Entry> out, java.util.Set<String> done) {
        if (!done.add(dir)) return;
        List<Entry> dirs = new ArrayList<>();
        for (Entry e : byParent.getOrDefault(dir, List.of())) {
            if (e.type() == 0040000 || byParent.containsKey(e.path())) dirs.add(e);
            else out.add(e);
        }
        out.addAll(dirs);
        for (Entry d : dirs) walk(d.path(), byParent, out, done);
    }
}
