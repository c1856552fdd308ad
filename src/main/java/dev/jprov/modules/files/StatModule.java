package dev.jprov.modules.files;

import dev.jprov.facts.Facts;
import dev.jprov.facts.FileFacts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.ProbeAnswer;
import dev.jprov.modules.Args;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ansible's stat: {@code r.stat.exists}, mode, isdir, checksum (sha1 by default, as Ansible) and friends. */
public final class StatModule implements Module {

    /** Ansible's algorithm names; the probe runs GNU/busybox {@code <algo>sum} or FreeBSD's {@code <algo> -q}. */
    private static final List<String> ALGORITHMS = List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512");

    @Override
    public List<String> names() {
        return List.of("stat", "ansible.builtin.stat");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String path = args.requireString("path", "dest", "name");
        boolean follow = args.bool("follow", false);
        boolean getChecksum = args.bool("get_checksum", true);
        String algorithm = args.choice("checksum_algorithm", "sha1", ALGORITHMS.toArray(String[]::new));
        args.value("checksum_algo");
        args.bool("get_md5");
        boolean getMime = args.bool("get_mime", "mime", "mime_type", "mime-type").orElse(true);
        args.bool("get_attributes", "attr", "attributes");
        args.finish();
        boolean hashInStat = getChecksum && algorithm.equals("sha256");
        Probe.FileInfo info = new Probe.FileInfo(path, hashInStat, follow, true);
        Optional<Probe.Shell> sum = getChecksum && !hashInStat
                ? Optional.of(checksumProbe(path, algorithm)) : Optional.empty();
        Probe.Shell more = moreProbe(path, follow, getMime);
        return new Invocation() {
            @Override
            public List<Probe> probes() {
                return sum.isPresent() ? List.of(info, more, sum.get()) : List.of(info, more);
            }

            @Override
            public Planned plan(Facts facts) {
                FileFacts f = facts.get(info);
                Map<String, Object> stat = new LinkedHashMap<>();
                stat.put("exists", f.exists());
                if (f.exists()) {
                    describe(f, stat);
                    more(facts.get(more), stat);
                    if (getChecksum && f.type() == FileFacts.Type.FILE) {
                        if (hashInStat) f.sha256().ifPresent(h -> stat.put("checksum", h));
                        else checksum(facts.get(sum.get())).ifPresent(h -> stat.put("checksum", h));
                    }
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("stat", stat);
                return Planned.ok(r);
            }
        };
    }

    /**
     * The keys of Ansible's stat that the shared file probe does not give: times, inode, device, links, blocks,
     * the platform's extra fields (FreeBSD: flags, generation, birthtime, as Python's os.stat has them there), access
     * for the connecting user, and file(1)'s mime type and charset. Times are whole seconds (FreeBSD's stat(1)
     * %a/%c; GNU's %X/%Z).
     */
    static Probe.Shell moreProbe(String path, boolean follow, boolean mime) {
        String l = follow ? "-L " : "";
        String script = ShellScript.fill("p={}; if [ -e \"$p\" ] || [ -L \"$p\" ]; then"
                + " if stat -f %z / >/dev/null 2>&1; then stat " + l + "-f 'bsd %a %c %i %d %l %b %k %r %f %v %B' \"$p\";"
                + " else stat " + l + "-c 'gnu %X %Z %i %d %h %b %o %t %T' \"$p\"; fi;"
                + " a=; for t in r w x; do if [ -$t \"$p\" ]; then a=\"$a true\"; else a=\"$a false\"; fi; done;"
                + " echo \"access$a\";"
                + " for t in c:ischr b:isblk p:isfifo S:issock; do if [ ! -L \"$p\" ] || [ -n '" + l + "' ]; then"
                + " if [ -${t%%:*} \"$p\" ]; then echo \"kind ${t#*:}\"; fi; fi; done;"
                + (mime ? " if command -v file >/dev/null 2>&1; then printf 'mime '; file --mime-type --mime-encoding"
                        + " \"$p\" 2>/dev/null || echo; fi;" : "")
                + " fi", path);
        return new Probe.Shell(script, List.of(Resource.path(path)));
    }

    /** The fields both stat(1) flavours answer in the same order: times, inode, device, links, blocks. */
    private static void times(String[] w, Map<String, Object> stat) {
        stat.put("atime", Double.parseDouble(w[1]));
        stat.put("ctime", Double.parseDouble(w[2]));
        stat.put("inode", Long.parseLong(w[3]));
        stat.put("dev", Long.parseLong(w[4]));
        stat.put("nlink", Long.parseLong(w[5]));
        stat.put("blocks", Long.parseLong(w[6]));
        stat.put("block_size", Long.parseLong(w[7]));
    }

    private static void more(ProbeAnswer a, Map<String, Object> stat) {
        for (String line : a.stdout().split("\n")) {
            String[] w = line.trim().split("\\s+");
            if (w[0].equals("bsd") && w.length >= 12) {
                times(w, stat);
                stat.put("device_type", Long.parseLong(w[8]));
                stat.put("flags", Long.parseLong(w[9]));
                stat.put("generation", Long.parseLong(w[10]));
                stat.put("birthtime", Double.parseDouble(w[11]));
            } else if (w[0].equals("gnu") && w.length >= 10) {
                times(w, stat);
                long major = Long.parseLong(w[8], 16);
                long minor = Long.parseLong(w[9], 16);
                // glibc's makedev, as Python's st_rdev
                stat.put("device_type", ((major & 0xfff) << 8) | (minor & 0xff) | ((minor & ~0xffL) << 12)
                        | ((major & ~0xfffL) << 32));
            } else if (w[0].equals("access") && w.length == 4) {
                stat.put("readable", Boolean.parseBoolean(w[1]));
                stat.put("writeable", Boolean.parseBoolean(w[2]));
                stat.put("executable", Boolean.parseBoolean(w[3]));
            } else if (w[0].equals("kind") && w.length == 2) {
                stat.put(w[1], true);
            } else if (line.startsWith("mime ")) {
                String out = line.substring(5);
                int colon = out.lastIndexOf(':');
                String[] parts = colon < 0 ? new String[0] : out.substring(colon + 1).split(";");
                boolean ok = parts.length == 2 && parts[1].contains("=");
                stat.put("mimetype", ok ? parts[0].strip() : "unknown");
                stat.put("charset", ok ? parts[1].substring(parts[1].indexOf('=') + 1).strip() : "unknown");
            }
        }
    }

    /** A portable checksum: prints the hex digest of a regular file, nothing for other types. */
    static Probe.Shell checksumProbe(String path, String algorithm) {
        String script = ShellScript.fill("if [ -f {} ] && [ -r {} ]; then if command -v " + algorithm
                + "sum >/dev/null 2>&1; then h=$(" + algorithm + "sum < {}) && echo \"${h%% *}\"; else "
                + algorithm + " -q {}; fi; fi", path, path, path, path);
        return new Probe.Shell(script, List.of(Resource.path(path)));
    }

    private static Optional<String> checksum(ProbeAnswer a) {
        String h = a.stdout().strip();
        return a.ok() && h.matches("[0-9a-f]+") ? Optional.of(h) : Optional.empty();
    }

    private static void describe(FileFacts f, Map<String, Object> stat) {
        int mode = FileMode.parseFacts(f.mode());
        stat.put("path", f.path());
        stat.put("mode", FileMode.format(mode));
        stat.put("isdir", f.type() == FileFacts.Type.DIRECTORY);
        stat.put("isreg", f.type() == FileFacts.Type.FILE);
        stat.put("islnk", f.type() == FileFacts.Type.LINK);
        for (String k : List.of("ischr", "isblk", "isfifo", "issock")) stat.put(k, false); // the probe says more
        stat.put("uid", f.uid());
        stat.put("gid", f.gid());
        stat.put("pw_name", f.owner());
        stat.put("gr_name", f.group());
        stat.put("size", f.size());
        stat.put("mtime", (double) f.mtime());
        String[] names = {"xoth", "woth", "roth", "xgrp", "wgrp", "rgrp", "xusr", "wusr", "rusr"};
        for (int i = 0; i < names.length; i++) stat.put(names[i], (mode & (1 << i)) != 0);
        stat.put("isuid", (mode & 04000) != 0);
        stat.put("isgid", (mode & 02000) != 0);
        f.linkTarget().ifPresent(t -> {
            stat.put("lnk_target", t);
            stat.put("lnk_source", t.startsWith("/") ? t : TextFileTarget.parent(f.path()) + "/" + t);
        });
    }
}
