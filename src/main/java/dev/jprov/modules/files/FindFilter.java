package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import dev.jprov.pyregex.PythonRegex;
import dev.jprov.pyregex.PythonRegexException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** find.py's filters (pfilter, agefilter, sizefilter, contentfilter) and its statinfo of a matched entry. */
record FindFilter(List<String> patterns, List<String> excludes, boolean useRegex, String fileType,
                  Optional<Long> age, String ageStamp, Optional<Long> size, Optional<String> contains,
                  boolean readWholeFile, boolean hidden, boolean checksum) {

    private static final int DIR = 0040000, REG = 0100000, LNK = 0120000;

    FindFilter {
        // find.py's default pattern matches everything, so excludes work without patterns.
        if (patterns.isEmpty()) patterns = List.of(useRegex ? ".*" : "*");
        patterns = List.copyOf(patterns);
        excludes = List.copyOf(excludes);
        if (useRegex) {
            patterns.forEach(FindFilter::regex);
            excludes.forEach(FindFilter::regex);
        }
        contains.ifPresent(FindFilter::regex);
    }

    private static PythonRegex regex(String pattern) {
        try {
            return PythonRegex.str(pattern);
        } catch (PythonRegexException e) {
            throw new ArgsException("invalid regular expression: " + pattern + " (" + e.getMessage() + ")");
        }
    }

    /** The globs whose files' text the probe reads for {@code contains}; empty (every file) with regex patterns. */
    Optional<List<String>> nameGlobs() {
        return useRegex ? Optional.empty() : Optional.of(patterns);
    }

    /** The entry's result as find.py gives it, when it passes every filter. */
    Optional<Map<String, Object>> select(FindWalk.Entry e, long now, Optional<String> text, Optional<String> sha1) {
        if (e.name().startsWith(".") && !hidden) return Optional.empty();
        boolean named = names(e.name()) && ages(e, now);
        boolean keep = switch (fileType) {
            case "any" -> named && (e.type() != REG || sizes(e));
            case "directory" -> e.type() == DIR && named;
            case "link" -> e.type() == LNK && named;
            default -> e.type() == REG && named && sizes(e) && contents(text);
        };
        if (!keep) return Optional.empty();
        Map<String, Object> r = statinfo(e);
        if (checksum && e.type() == REG && (fileType.equals("any") || fileType.equals("file"))) {
            r.put("checksum", sha1.orElse(""));
        }
        return Optional.of(r);
    }

    private boolean names(String name) {
        for (String p : patterns) {
            if (matches(p, name)) {
                for (String x : excludes) if (matches(x, name)) return false;
                return true;
            }
        }
        return false;
    }

    private boolean matches(String pattern, String name) {
        return useRegex ? regex(pattern).match(name).isPresent() : dev.jprov.pyformat.Fnmatch.matches(pattern, name);
    }

    private boolean ages(FindWalk.Entry e, long now) {
        if (age.isEmpty()) return true;
        long stamp = switch (ageStamp) {
            case "atime" -> e.atime();
            case "ctime" -> e.ctime();
            default -> e.mtime();
        };
        long a = age.get();
        return a >= 0 ? now - stamp >= Math.abs(a) : now - stamp <= Math.abs(a);
    }

    private boolean sizes(FindWalk.Entry e) {
        if (size.isEmpty()) return true;
        long s = size.get();
        return s >= 0 ? e.size() >= Math.abs(s) : e.size() <= Math.abs(s);
    }

    private boolean contents(Optional<String> text) {
        if (contains.isEmpty()) return true;
        if (text.isEmpty()) return false;
        PythonRegex re = regex(contains.get());
        String t = text.get().replace("\r\n", "\n").replace('\r', '\n');
        if (readWholeFile) return re.search(t).isPresent();
        for (String line : LineInFileEdit.readLines(t)) if (re.match(line).isPresent()) return true;
        return false;
    }

    private static Map<String, Object> statinfo(FindWalk.Entry e) {
        int m = e.mode();
        int type = e.type();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("path", e.path());
        r.put("mode", String.format("%04o", m & 07777));
        r.put("isdir", type == DIR);
        r.put("ischr", type == 0020000);
        r.put("isblk", type == 0060000);
        r.put("isreg", type == REG);
        r.put("isfifo", type == 0010000);
        r.put("islnk", type == LNK);
        r.put("issock", type == 0140000);
        r.put("uid", e.uid());
        r.put("gid", e.gid());
        r.put("size", e.size());
        r.put("inode", e.inode());
        r.put("dev", e.dev());
        r.put("nlink", e.nlink());
        r.put("atime", (double) e.atime());
        r.put("mtime", (double) e.mtime());
        r.put("ctime", (double) e.ctime());
        r.put("gr_name", e.group());
        r.put("pw_name", e.owner());
        String[] bits = {"wusr", "rusr", "xusr", "wgrp", "rgrp", "xgrp", "woth", "roth", "xoth"};
        int[] masks = {0200, 0400, 0100, 020, 040, 010, 02, 04, 01};
        for (int i = 0; i < bits.length; i++) r.put(bits[i], (m & masks[i]) != 0);
        r.put("isuid", (m & 04000) != 0);
        r.put("isgid", (m & 02000) != 0);
        return r;
    }
}
