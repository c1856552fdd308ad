package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The freebsd_update probe's answer: {@code kernel=} (uname -r, for the report), {@code root=},
 * {@code version=} (the place's userland), {@code running=} (what --currently-running passed), then {@code @fetch},
 * what {@code freebsd-update fetch} printed, and {@code @fetch-rc=N}. fetch_create_manifest prints either
 * "No updates needed to update system to X." or, per kind, "The following files will be removed|added|updated as
 * part of updating to\nX:" and the paths; in the second case the update is staged for {@code install}.
 */
record UpdateFetch(Optional<String> kernel, Optional<String> root, Optional<String> version,
                   Optional<String> running, String output, Optional<Integer> fetchExit, Optional<String> target,
                   boolean nothingNeeded, List<String> files) {

    private static final Pattern TARGET =
            Pattern.compile("as part of updating to\\s*\\n?\\s*([0-9]+\\.[0-9]+-[A-Z0-9-]+?(-p[0-9]+)?):");
    private static final Pattern NONE =
            Pattern.compile("No updates needed to update system to ([^\\s]+?)\\.?\\s*$", Pattern.MULTILINE);

    static UpdateFetch parse(String stdout) {
        int at = stdout.indexOf("@fetch\n");
        String head = at < 0 ? stdout : stdout.substring(0, at);
        String output = at < 0 ? "" : stdout.substring(at + "@fetch\n".length());
        Optional<Integer> rc = Optional.empty();
        int end = output.lastIndexOf("@fetch-rc=");
        if (end >= 0) {
            rc = Optional.of(Integer.parseInt(output.substring(end + "@fetch-rc=".length()).strip()));
            output = output.substring(0, end);
        }
        Matcher t = TARGET.matcher(output);
        Optional<String> target = Optional.empty();
        List<String> files = new ArrayList<>();
        if (t.find()) {
            target = Optional.of(t.group(1));
            for (String l : output.substring(t.end()).split("\n")) if (l.startsWith("/")) files.add(l.strip());
        }
        return new UpdateFetch(line(head, "kernel="), line(head, "root="), line(head, "version="),
                line(head, "running="), output, rc, target, NONE.matcher(output).find(), List.copyOf(files));
    }

    private static Optional<String> line(String out, String key) {
        for (String l : out.split("\n")) {
            if (l.startsWith(key)) return Optional.of(l.substring(key.length())).filter(v -> !v.isEmpty());
        }
        return Optional.empty();
    }
}
