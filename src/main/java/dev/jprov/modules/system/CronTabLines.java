package dev.jprov.modules.system;

import dev.jprov.pyformat.PythonLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A crontab's lines as Ansible 2.14's cron module edits them (lib/ansible/modules/cron.py, class CronTab): jobs
 * are found by their "#Ansible: NAME" comment (or, failing that, by their exact line), variables by "NAME=".
 * A fresh copy per plan: the methods edit it in place, as the Python class does.
 */
final class CronTabLines {
    static final String MARKER = "#Ansible: ";

    private final List<String> lines;

    CronTabLines(String text) {
        this.lines = new ArrayList<>(PythonLines.splitlines(text));
    }

    boolean isEmpty() {
        return lines.stream().allMatch(String::isBlank);
    }

    static String comment(String name) {
        return MARKER + name;
    }

    /** find_job: [comment, job] when found by name, [comment, job, true] when a matching line got a comment. */
    List<Object> findJob(String name, Optional<String> job) {
        String comment = null;
        for (String l : lines) {
            if (comment != null) {
                if (comment.equals(name)) return List.of(comment, l);
                comment = null;
            } else if (l.startsWith(MARKER)) {
                comment = l.substring(MARKER.length());
            }
        }
        if (job.isPresent()) {
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals(job.get())) continue;
                // Python's lines[i - 1] for i == 0 is the last line
                String previous = lines.get(i == 0 ? lines.size() - 1 : i - 1);
                if (!previous.startsWith(MARKER)) {
                    lines.add(i, comment(name));
                    return List.of(lines.get(i), job.get(), true);
                } else if (!name.isEmpty() && previous.equals(comment("None"))) {
                    lines.set(i == 0 ? lines.size() - 1 : i - 1, comment(name));
                    return List.of(comment(name), job.get(), true);
                }
            }
        }
        return List.of();
    }

    void addJob(String name, String job) {
        lines.add(comment(name));
        lines.add(job);
    }

    /** _update_job: the line after NAME's comment is replaced by {@code job}, or both go when it is empty. */
    void updateJob(String name, Optional<String> job) {
        String marker = comment(name);
        List<String> out = new ArrayList<>();
        String comment = null;
        for (String l : lines) {
            if (comment != null) {
                if (job.isPresent()) {
                    out.add(comment);
                    out.add(job.get());
                }
                comment = null;
            } else if (l.equals(marker)) {
                comment = l;
            } else {
                out.add(l);
            }
        }
        lines.clear();
        lines.addAll(out);
    }

    /** find_env: the index and line of NAME=..., or empty. */
    Optional<Integer> findEnv(String name) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(name + "=")) return Optional.of(i);
        return Optional.empty();
    }

    String line(int index) {
        return lines.get(index);
    }

    /** add_env: at the top, or after/before another variable; false when that one is not there. */
    boolean addEnv(String decl, Optional<String> insertAfter, Optional<String> insertBefore) {
        if (insertAfter.isEmpty() && insertBefore.isEmpty()) {
            lines.add(0, decl);
            return true;
        }
        Optional<Integer> other = findEnv(insertAfter.orElseGet(insertBefore::get));
        if (other.isEmpty()) return false;
        lines.add(insertAfter.isPresent() ? other.get() + 1 : other.get(), decl);
        return true;
    }

    /** _update_env: every NAME=... line replaced by {@code decl}, or removed when it is empty. */
    void updateEnv(String name, Optional<String> decl) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith(name + "=")) decl.ifPresent(out::add);
            else out.add(l);
        }
        lines.clear();
        lines.addAll(out);
    }

    List<String> jobNames() {
        return lines.stream().filter(l -> l.startsWith(MARKER)).map(l -> l.substring(MARKER.length())).toList();
    }

    List<String> envNames() {
        return lines.stream().filter(l -> l.matches("^\\S+=.*")).map(l -> l.split("=", -1)[0]).toList();
    }

    /** render: the lines joined, with one final newline. */
    String render() {
        String result = String.join("\n", lines);
        if (result.isEmpty()) return result;
        return result.replaceAll("[\r\n]+$", "") + "\n";
    }
}
