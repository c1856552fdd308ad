package dev.jprov.modules.files;

import dev.jprov.facts.FileFacts;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.ShellScript;
import dev.jprov.plan.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One get_url download on the host: fetch(1) into a temp file on dest's file system (via {@code tmp_dest} when
 * given), the checksum checked there, the old file's mode and owner (or 0666 & ~umask for a new one, as
 * atomic_move) and the task's attributes set, an optional backup, then a rename over dest. The step reports
 * "KEY VALUE" lines that {@link #result} turns into get_url.py's result.
 */
record GetUrlDownload(String url, String dest, FileFacts current, Optional<String> tmpDest,
                      FileAttributes attributes, Optional<String> backupSuffix, Optional<String> algorithm,
                      Optional<String> wanted, GetUrlModule.Fetch fetch) {

    Step step() {
        String parent = dest.contains("/") ? dest.substring(0, Math.max(dest.lastIndexOf('/'), 1)) : ".";
        String name = dest.substring(dest.lastIndexOf('/') + 1);
        String template = "/." + name + ".get_url.XXXXXX";
        ShellScript s = ShellScript.create()
                .raw("(")
                .line("[ -d {} ] || { echo 'error Destination '{}' does not exist'; exit 1; }", parent, parent)
                .line("t=$(mktemp {}) || { echo 'error cannot make a temp file in '{}; exit 1; }",
                        tmpDest.orElse(parent) + template, tmpDest.orElse(parent))
                .raw("trap 'rm -f \"$t\"' EXIT")
                .raw("s=$(date +%s)")
                .raw("if ! e=$(" + fetch.command(url, "t") + " 2>&1); then printf 'fetch %s\\n' \"$e\"; exit 1; fi")
                .raw("echo \"elapsed $(( $(date +%s) - s ))\"");
        if (algorithm.isPresent() && wanted.isPresent()) {
            s.line("c=$(" + algorithm.get() + " -q -- \"$t\"); if [ \"$c\" != {} ]; then echo \"mismatch $c\"; exit 1; fi",
                    wanted.get());
        }
        s.raw("echo \"checksum_src $(sha1 -q -- \"$t\")\"");
        s.line("if [ -f {} ]; then echo \"checksum_dest $(sha1 -q -- {})\"; fi", dest, dest);
        if (tmpDest.isPresent()) {
            // the download's own temp file may be on another file system: copy it beside dest, then rename
            s.line("u=$(mktemp {}) && cp \"$t\" \"$u\" && rm -f \"$t\" && t=$u || exit 1", parent + template);
        }
        if (current.type() == FileFacts.Type.FILE) {
            s.line("chmod {} \"$t\" && chown {} \"$t\" || exit 1", current.mode(), current.uid() + ":" + current.gid());
        } else {
            s.raw("chmod \"$(printf %o $(( 0666 & ~0$(umask) )))\" \"$t\" || exit 1");
        }
        for (String line : attributes.shellForVariable("t")) s.raw(line + " || exit 1");
        backupSuffix.ifPresent(suffix -> s.line("if [ -f {} ]; then cp -p {} {} && echo {} || exit 1; fi", dest,
                dest, dest + suffix, "backup_file " + dest + suffix));
        s.line("mv -f \"$t\" {} || exit 1", dest)
                .line("echo \"md5sum $(md5 -q -- {})\"", dest)
                .line("echo \"numeric $(ls -ldn -- {})\"; echo \"named $(ls -ld -- {})\"", dest, dest)
                .raw(")");
        return new Step.Exec(s.text(), "fetch " + url + " -> " + dest, true);
    }

    /** get_url.py's result from the step's report lines, or its failure. */
    Map<String, Object> result(Map<String, Object> planned, List<StepResult> steps) {
        Map<String, Object> r = new LinkedHashMap<>(planned);
        if (steps.isEmpty()) return r;
        StepResult step = steps.get(steps.size() - 1);
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : step.stdout().split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0) lines.put(line.substring(0, sp), line.substring(sp + 1));
        }
        lines.computeIfPresent("elapsed", (k, v) -> v.strip());
        if (lines.containsKey("elapsed")) r.put("elapsed", Integer.parseInt(lines.get("elapsed")));
        if (lines.containsKey("fetch")) {
            FetchError e = FetchError.of(step.stdout().substring(step.stdout().indexOf("fetch ") + 6));
            return failed(r, e.message(), Map.of("status_code", e.status(), "response", e.response()));
        }
        if (lines.containsKey("mismatch")) {
            return failed(r, "The checksum for " + dest + " did not match " + wanted.orElse("") + "; it was "
                    + lines.get("mismatch").strip() + ".", Map.of());
        }
        if (lines.containsKey("error")) return failed(r, lines.get("error"), Map.of());
        if (step.exitCode() != 0) {
            String why = (step.stderr() + step.stdout()).strip();
            return failed(r, "failed to copy the download to " + dest + ": " + why, Map.of());
        }
        r.put("checksum_src", lines.get("checksum_src"));
        r.put("checksum_dest", lines.getOrDefault("checksum_dest", null));
        if (lines.containsKey("backup_file")) r.put("backup_file", lines.get("backup_file"));
        r.put("md5sum", lines.get("md5sum"));
        String[] numeric = lines.getOrDefault("numeric", "").trim().split("\\s+");
        String[] named = lines.getOrDefault("named", "").trim().split("\\s+");
        if (numeric.length > 4 && named.length > 3) {
            r.put("gid", Integer.parseInt(numeric[3]));
            r.put("group", named[3]);
            r.put("mode", TempfileModule.octal(numeric[0]));
            r.put("owner", named[2]);
            r.put("size", Long.parseLong(numeric[4]));
            r.put("state", "file");
            r.put("uid", Integer.parseInt(numeric[2]));
            r.put("msg", "OK (" + numeric[4] + " bytes)");
        }
        r.put("status_code", 200);
        return r;
    }

    private static Map<String, Object> failed(Map<String, Object> r, String msg, Map<String, Object> extra) {
        r.putAll(extra);
        r.put("msg", msg);
        r.put("failed", true);
        r.put("changed", false);
        return r;
    }
}
