package dev.jprov.modules.freebsd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the pkg module's probe found, read from its sections:
 * <ul>
 * <li>{@code @stub=MESSAGE}: {@code pkg -N} answered as the stub does (usr.sbin/pkg/pkg.c:
 *     {@code errx(EXIT_FAILURE, "pkg is not installed")}), followed by {@code @db=absent|present} or
 *     {@code @where=MESSAGE} from {@link PkgTarget#databaseProbe()}.</li>
 * <li>{@code @installed} then {@code pkg query -a '%n %v'} (stderr merged) and {@code @rc=N}. pkg's src/query.c
 *     exits 0 with "No packages installed" on stderr when the database does not exist (EPKG_ENODB): an empty
 *     database, not a failure. With -a nothing else exits 0 but a readable database, so any other exit code is
 *     a failure, and pkg's own "pkg: ..." lines are the message.</li>
 * <li>{@code @outdated} then {@code pkg version -vR -l '<'} and {@code @rc=N} (state=latest only).</li>
 * </ul>
 * Package lines never have a colon in their first word, so pkg's warnx() lines ("pkg: ...") can share the stream.
 * {@code error} is a failure to read the place; {@code outdatedError} one of the version query, which matters only
 * when a requested package is installed.
 */
record PkgFindings(Optional<String> stub, Database database, Map<String, String> outdated,
                   Optional<String> error, Optional<String> outdatedError) {

    /** What is known of the place's installed packages. */
    sealed interface Database {
        /** pkg answered (or there is no database file: nothing installed). */
        record Known(Map<String, String> versions) implements Database {}

        /** A database file exists but only pkg can read it, and the host's pkg is still the stub. */
        record Unreadable() implements Database {}
    }

    static final String EMPTY_DB = "No packages installed";

    boolean hostNeedsBootstrap() {
        return stub.isPresent();
    }

    static PkgFindings parse(String stdout) {
        Optional<String> stub = Optional.empty();
        Map<String, String> installed = new LinkedHashMap<>();
        Map<String, String> outdated = new LinkedHashMap<>();
        Database db = null;
        List<String> messages = new ArrayList<>();
        String section = "";
        Optional<String> error = Optional.empty();
        Optional<String> outdatedError = Optional.empty();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("@stub=")) {
                stub = Optional.of(line.substring(6).strip());
            } else if (line.equals("@db=absent")) {
                db = new Database.Known(Map.of());
            } else if (line.equals("@db=present")) {
                db = new Database.Unreadable();
            } else if (line.startsWith("@where=")) {
                error = error.or(() -> Optional.of(line.substring(7).strip()));
            } else if (line.startsWith("@rc=")) {
                int rc = Integer.parseInt(line.substring(4).strip());
                if (rc != 0) {
                    String said = String.join("\n", messages).strip();
                    String why = said.isEmpty() ? "pkg " + (section.equals("@outdated") ? "version" : "query")
                            + " exited " + rc : said;
                    if (section.equals("@outdated")) outdatedError = Optional.of(why);
                    else if (error.isEmpty()) error = Optional.of(why);
                }
                if (section.equals("@installed")) db = new Database.Known(installed);
                messages.clear();
            } else if (line.equals("@installed") || line.equals("@outdated")) {
                section = line;
                messages.clear();
            } else if (isMessage(line)) {
                // "No packages installed" is how src/query.c says the database does not exist yet: not an error.
                if (!line.endsWith(EMPTY_DB)) messages.add(line.strip());
            } else if (section.equals("@installed") && line.contains(" ")) {
                installed.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1).strip());
            } else if (section.equals("@outdated") && !line.isBlank()) {
                parseOutdated(line, outdated);
            }
        }
        if (db == null) db = new Database.Known(installed);
        return new PkgFindings(stub, db, outdated, error, outdatedError);
    }

    /**
     * A line pkg (or the shell, "pkg: not found") printed to stderr: its first word has a colon, which no package
     * name or name-version has.
     */
    private static boolean isMessage(String line) {
        String first = line.strip().split("\\s+", 2)[0];
        return first.contains(":");
    }

    /** "nginx-1.24.0_14,3   <   needs updating (remote has 1.26.2,3)" -> nginx: 1.26.2,3. */
    private static void parseOutdated(String line, Map<String, String> remote) {
        String[] f = line.strip().split("\\s+", 3);
        if (f.length < 2 || !f[1].equals("<")) return;
        int dash = f[0].lastIndexOf('-');
        if (dash <= 0) return;
        String name = f[0].substring(0, dash);
        String newer = "";
        if (f.length == 3) {
            int i = f[2].indexOf("remote has ");
            if (i >= 0) newer = f[2].substring(i + "remote has ".length()).replace(")", "").strip();
        }
        remote.put(name, newer.isEmpty() ? "(newer)" : newer);
    }
}
