package dev.jprov.modules.commands;

import dev.jprov.modules.AsyncJob;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.ShellScript;
import dev.jprov.pyformat.PythonJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's async_wrapper in POSIX sh, for hosts without Python. The launch step writes the job file
 * ({@code {"started": 1, "finished": 0, "ansible_job_id": ID}}, replaced atomically as async_wrapper's jwrite
 * does), starts the job detached - FreeBSD's {@code daemon -f} (usr.sbin/daemon/daemon.c: daemon(3) forks and
 * calls setsid, stdio to /dev/null), else setsid(1) or nohup on other hosts (a local connection from Linux) - and
 * prints the job's id and file. The job runs the command, and a watcher kills the job's process group once the
 * time limit has passed, leaving async_wrapper's {@code Timeout exceeded} result; otherwise the job writes the
 * command module's result (changed, stdout, stderr, rc, cmd, msg; failed for a non-zero rc), its output escaped
 * to JSON by awk.
 */
final class AsyncJobScript {
    private static final PythonJson JSON = PythonJson.dumps(null, false, true);

    /** JSON-quotes a file's bytes as the command module's result reads them (strip: trailing newlines go). */
    private static final String AWK = """
            BEGIN {
              for (i = 1; i < 32; i++) e[sprintf("%c", i)] = sprintf("\\\\u%04x", i)
              e["\\b"] = "\\\\b"; e["\\t"] = "\\\\t"; e["\\n"] = "\\\\n"; e["\\f"] = "\\\\f"; e["\\r"] = "\\\\r"
              e["\\""] = "\\\\\\""; e["\\\\"] = "\\\\\\\\"
            }
            { line[NR] = $0 }
            END {
              n = NR
              if (strip) while (n > 0) { sub(/\\r+$/, "", line[n]); if (line[n] != "") break; n-- }
              printf "%s", "\\""
              for (i = 1; i <= n; i++) {
                if (i > 1) printf "%s", "\\\\n"
                s = line[i]; o = ""
                for (j = 1; j <= length(s); j++) { c = substr(s, j, 1); o = o ((c in e) ? e[c] : c) }
                printf "%s", o
              }
              if (!strip && nl + 0 == 1 && n > 0) printf "%s", "\\\\n"
              printf "%s", "\\""
            }""";

    private AsyncJobScript() {
    }

    /** The launch step's script: a subshell, so that it cannot end the executor's batch script around it. */
    static String launch(AsyncJob job, String body) {
        String run = ShellScript.fill("/bin/sh -c {} jprov-async \"$jf\" {}", body, job.id());
        return ShellScript.fill("(d=\"$HOME\"/{} && mkdir -p \"$d\" && jf=\"$d\"/{} && ", AsyncJob.DIR, job.id())
                + ShellScript.fill("printf '%s' {} > \"$jf.tmp\" && mv -f \"$jf.tmp\" \"$jf\" && ",
                JSON.write(started(job.id())))
                + "if [ -x /usr/sbin/daemon ]; then /usr/sbin/daemon -f " + run + "; "
                + "elif command -v setsid >/dev/null 2>&1; then setsid " + run + " </dev/null >/dev/null 2>&1 & "
                + "else nohup " + run + " </dev/null >/dev/null 2>&1 & fi && "
                + ShellScript.fill("printf '%s\\n%s\\n' {} \"$jf\")", job.id());
    }

    private static Map<String, Object> started(String id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("started", 1);
        m.put("finished", 0);
        m.put("ansible_job_id", id);
        return m;
    }

    /**
     * The job that runs {@code script} (the command's shell text) for at most {@code timeLimit} seconds and writes
     * the command module's result; $1 is the job file.
     */
    static String running(String script, Object cmd, boolean strip, long timeLimit) {
        return String.join("\n",
                "jf=$1; out=$jf.stdout; err=$jf.stderr",
                "js() { LC_ALL=C awk -v strip=" + (strip ? 1 : 0) + " -v nl=\"$(tail -c 1 \"$1\" | wc -l)\" "
                        + ShellScript.quote(AWK) + " \"$1\"; }",
                "(" + script + ") </dev/null >\"$out\" 2>\"$err\" &",
                "pid=$!",
                // async_wrapper's watcher: checks the job every step, and at the limit leaves its result and
                // kills the job's process group (the job is the group's leader under daemon or setsid).
                "( i=0; while kill -0 \"$pid\" 2>/dev/null; do",
                "    if [ \"$i\" -ge " + timeLimit + " ]; then",
                "      printf '{\"msg\": \"Timeout exceeded\", \"failed\": true, \"child_pid\": %s}' \"$pid\" > \"$jf.tmp\""
                        + " && mv -f \"$jf.tmp\" \"$jf\"",
                "      rm -f \"$out\" \"$err\"",
                // not a group leader (nohup): only the command is killed, and the marker stops the job's own write
                "      kill -s KILL -- -$$ 2>/dev/null || { : > \"$jf.killed\"; kill -s KILL \"$pid\"; }",
                "      exit 0",
                "    fi",
                "    sleep 1; i=$((i + 1))",
                "  done ) </dev/null >/dev/null 2>&1 &",
                "wait \"$pid\"; rc=$?",
                "if [ -e \"$jf.killed\" ]; then rm -f \"$jf.killed\" \"$out\" \"$err\"; exit 0; fi",
                "if [ \"$rc\" -eq 0 ]; then tail='\"msg\": \"\"'; else tail='\"msg\": \"non-zero return code\", \"failed\": true'; fi",
                "printf '{\"changed\": true, \"stdout\": %s, \"stderr\": %s, \"rc\": %s, \"cmd\": %s, %s}' "
                        + "\"$(js \"$out\")\" \"$(js \"$err\")\" \"$rc\" " + ShellScript.quote(JSON.write(cmd))
                        + " \"$tail\" > \"$jf.tmp\" && mv -f \"$jf.tmp\" \"$jf\"",
                "rm -f \"$out\" \"$err\"");
    }

    /** A job that only writes {@code result} (a command that creates/removes said not to run). */
    static String writing(Map<String, Object> result) {
        return ShellScript.fill("jf=$1; printf '%s' {} > \"$jf.tmp\" && mv -f \"$jf.tmp\" \"$jf\"", JSON.write(result));
    }

    /** The launch step's result: async_wrapper's answer, with the changed Ansible's action plugin adds. */
    static Map<String, Object> launched(Map<String, Object> planned, List<StepResult> steps) {
        Map<String, Object> r = new LinkedHashMap<>(planned);
        if (steps.isEmpty() || steps.get(0).exitCode() != 0) return r;
        String[] lines = steps.get(0).stdout().split("\n");
        r.put("started", 1);
        r.put("finished", 0);
        r.put("ansible_job_id", lines[0]);
        if (lines.length > 1) r.put("results_file", lines[1]);
        return r;
    }
}
