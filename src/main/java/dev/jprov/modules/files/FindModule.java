package dev.jprov.modules.files;

import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.modules.ShellProbeInvocation;
import dev.jprov.facts.Probe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's find: the files below some directories that pass name, type, age, size and content filters, with
 * their lstat as find.py's statinfo gives it. Read-only: one probe walks every path ({@link FindWalk}).
 */
public final class FindModule implements Module {

    private static final Pattern AGE = Pattern.compile("^(-?\\d+)([smhdw])?$");
    private static final Pattern SIZE = Pattern.compile("^(-?\\d+)([bkmgt])?$");

    @Override
    public List<String> names() {
        return List.of("find", "ansible.builtin.find");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        List<String> paths = args.list("paths", "name", "path");
        if (paths.isEmpty()) throw args.missing("paths");
        List<String> patterns = args.list("patterns", "pattern");
        List<String> excludes = args.list("excludes", "exclude");
        Optional<String> contains = args.string("contains");
        boolean readWholeFile = args.bool("read_whole_file", false);
        String fileType = args.choice("file_type", "file", "any", "directory", "file", "link");
        Optional<Long> age = args.string("age").map(a -> scaled(a, AGE, Map.of("s", 1L, "m", 60L, "h", 3600L,
                "d", 86400L, "w", 604800L), "age"));
        String ageStamp = args.choice("age_stamp", "mtime", "atime", "ctime", "mtime");
        Optional<Long> size = args.string("size").map(s -> scaled(s, SIZE, Map.of("b", 1L, "k", 1024L,
                "m", 1024L * 1024, "g", 1024L * 1024 * 1024, "t", 1024L * 1024 * 1024 * 1024), "size"));
        boolean recurse = args.bool("recurse", false);
        boolean hidden = args.bool("hidden", false);
        boolean follow = args.bool("follow", false);
        boolean getChecksum = args.bool("get_checksum", false);
        boolean useRegex = args.bool("use_regex", false);
        int depth = args.integer("depth").map(Long::intValue).orElse(0);
        args.finish();
        FindFilter filter = new FindFilter(patterns, excludes, useRegex, fileType, age, ageStamp, size,
                contains, readWholeFile, hidden, getChecksum);
        FindWalk walk = new FindWalk(paths, recurse, depth, follow, getChecksum,
                contains.isPresent() ? filter.nameGlobs() : Optional.empty(), contains.isPresent());
        Probe.Shell probe = walk.probe();
        return new ShellProbeInvocation() {
            @Override
            public Probe.Shell probe() {
                return probe;
            }

            @Override
            public Planned plan(ProbeAnswer answer) {
                return result(walk, filter, walk.read(answer));
            }
        };
    }

    private static Planned result(FindWalk walk, FindFilter filter, FindWalk.Listing listing) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (FindWalk.Entry e : listing.entries()) {
            if (e.depth() > walk.matchDepth()) continue;
            filter.select(e, listing.now(), listing.content(e.path()), listing.checksum(e.path()))
                    .ifPresent(files::add);
        }
        List<String> warnings = new ArrayList<>();
        listing.skipped().forEach((path, why) ->
                warnings.add("Skipped '" + path + "' path due to this access issue: " + why + "\n"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("files", files);
        r.put("msg", warnings.isEmpty() ? "All paths examined" : "Not all paths examined, check warnings for details");
        r.put("matched", files.size());
        r.put("examined", listing.examined());
        r.put("skipped_paths", new LinkedHashMap<>(listing.skipped()));
        if (!warnings.isEmpty()) r.put("warnings", warnings);
        return Planned.ok(r);
    }

    /** find.py's age and size: a signed number with an optional unit letter, case-insensitive. */
    private static long scaled(String value, Pattern syntax, Map<String, Long> units, String what) {
        Matcher m = syntax.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new ArgsException("failed to process " + what + ": " + value);
        return Long.parseLong(m.group(1)) * (m.group(2) == null ? 1 : units.get(m.group(2)));
    }
}
