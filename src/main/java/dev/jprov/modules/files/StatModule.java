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
        args.bool("get_mime", "mime", "mime_type", "mime-type");
        args.bool("get_attributes", "attr", "attributes");
        args.finish();
        boolean hashInStat = getChecksum && algorithm.equals("sha256");
        Probe.FileInfo info = new Probe.FileInfo(path, hashInStat, follow, true);
        Optional<Probe.Shell> sum = getChecksum && !hashInStat
                ? Optional.of(checksumProbe(path, algorithm)) : Optional.empty();
        return new Invocation() {
            @Override
            public List<Probe> probes() {
                return sum.isPresent() ? List.of(info, sum.get()) : List.of(info);
            }

            @Override
            public Planned plan(Facts facts) {
                FileFacts f = facts.get(info);
                Map<String, Object> stat = new LinkedHashMap<>();
                stat.put("exists", f.exists());
                if (f.exists()) {
                    describe(f, stat);
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
