package dev.jprov.modules.freebsd;

import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import java.util.List;

/** What freebsd-update updates: the host, a root directory (-b) or a running jail (-j). */
sealed interface UpdateTarget {
    /** freebsd-update's option naming the place. */
    List<String> where();

    String label();

    /** The work directory when the task names none (see FreebsdUpdateModule on why one per root, on the host). */
    String defaultWorkdir();

    /** Shell text setting {@code jfu_version} to the place's userland release (and printing {@code root=}). */
    String rootAndVersion();

    List<Resource> reads();

    /** The USERLAND_VERSION line of ROOT/bin/freebsd-version: what freebsd-update rewrites, and what -j reads. */
    static String versionOf(String rootExpr) {
        return "jfu_version=$(sed -n 's/^USERLAND_VERSION=\"\\(.*\\)\"$/\\1/p' " + rootExpr
                + "/bin/freebsd-version 2>/dev/null)";
    }

    record Host() implements UpdateTarget {
        public List<String> where() {
            return List.of();
        }

        public String label() {
            return "host";
        }

        public String defaultWorkdir() {
            return FreebsdUpdateModule.DEFAULT_WORKDIR;
        }

        public String rootAndVersion() {
            return "jfu_version=$(freebsd-version -u)";
        }

        public List<Resource> reads() {
            return List.of(Resource.path("/"));
        }
    }

    record Root(String dir) implements UpdateTarget {
        public List<String> where() {
            return List.of("-b", dir);
        }

        public String label() {
            return "root " + dir;
        }

        public String defaultWorkdir() {
            return FreebsdUpdateModule.DEFAULT_WORKDIR + "/root" + dir.replace('/', '-');
        }

        public String rootAndVersion() {
            return ShellScript.fill("jfu_root={}\n", dir) + "printf 'root=%s\\n' \"$jfu_root\"\n"
                    + versionOf("\"$jfu_root\"");
        }

        public List<Resource> reads() {
            return List.of(Resource.path(dir));
        }
    }

    record Jail(JailOperand jail) implements UpdateTarget {
        public List<String> where() {
            return List.of("-j", jail.value());
        }

        public String label() {
            return "jail " + jail;
        }

        public String defaultWorkdir() {
            return FreebsdUpdateModule.DEFAULT_WORKDIR + "/jail-" + jail.value();
        }

        public String rootAndVersion() {
            return ShellScript.fill("jfu_root=$(jls -j {} path) || jfu_root=/nonexistent\n", jail.value())
                    + "printf 'root=%s\\n' \"$jfu_root\"\n" + versionOf("\"$jfu_root\"");
        }

        public List<Resource> reads() {
            return List.of(Resource.ANY);
        }
    }
}
