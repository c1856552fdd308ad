package dev.jprov.modules.freebsd;

import dev.jprov.facts.Resource;
import dev.jprov.plan.ShellScript;
import java.util.List;

/**
 * Where pkg(8) installs: the host, a root directory (-r), a chroot (-c) or a running jail (-j). Whatever the place,
 * the program is the HOST's /usr/local/sbin/pkg (pkg's src/main.c: -r relocates, -c chroot()s and -j
 * jail_attach()es the host's process), so it is the host's pkg that must be bootstrapped; /usr/sbin/pkg, the stub
 * of usr.sbin/pkg/pkg.c, does not know -r/-c/-j and only execs the real one once it exists.
 * The package database is the place's own (PKG_DBDIR, /var/db/pkg, below the root, chroot or jail).
 */
sealed interface PkgTarget {
    /** pkg's default PKG_DBDIR (libpkg/pkg_config.c). */
    String DBDIR = "/var/db/pkg";

    /** pkg's global option selecting the place (nothing for the host). */
    List<String> selector();

    /** How results and diffs name the place. */
    String label();

    /** What installing packages writes (the files below the place's /usr/local). */
    Resource files();

    /** What reading the place's database depends on, besides the packages themselves. */
    List<Resource> reads();

    /**
     * Shell text for when the host's pkg is still the stub and cannot be asked: prints {@code @db=absent} when the
     * place has no package database (nothing installed: the same as pkg's "No packages installed"), {@code @db=present}
     * when it has one that only pkg can read, or {@code @where=MESSAGE} and fails when the place does not exist.
     */
    String databaseProbe();

    record Host() implements PkgTarget {
        public List<String> selector() {
            return List.of();
        }

        public String label() {
            return "host";
        }

        public Resource files() {
            return Resource.path("/usr/local");
        }

        public List<Resource> reads() {
            return List.of(Resource.path(DBDIR));
        }

        public String databaseProbe() {
            return dbTest("");
        }
    }

    /** -r ROOT (relocated: the host's configuration, ROOT's database) or -c DIR (chrooted: all of DIR's). */
    record Root(String dir, boolean chroot) implements PkgTarget {
        public List<String> selector() {
            return List.of(chroot ? "-c" : "-r", dir);
        }

        public String label() {
            return dir;
        }

        public Resource files() {
            return Resource.path(RcConfFile.joined(dir, "/usr/local"));
        }

        public List<Resource> reads() {
            return List.of(Resource.path(RcConfFile.joined(dir, DBDIR)));
        }

        public String databaseProbe() {
            return dbTest(ShellScript.quote(dir.equals("/") ? "" : RcConfFile.joined(dir, "")));
        }
    }

    record InJail(JailOperand jail) implements PkgTarget {
        public List<String> selector() {
            return List.of("-j", jail.value());
        }

        public String label() {
            return "jail " + jail;
        }

        public Resource files() {
            return Resource.ANY;
        }

        public List<Resource> reads() {
            return List.of(new Resource(Resource.Kind.JAIL, jail.value()));
        }

        public String databaseProbe() {
            // pkg -j would fail with jail_getid's message; jls says the same thing for a jail that is not running.
            return ShellScript.fill("if jpk_root=$(jls -j {} path 2>&1); then ", jail.value())
                    + dbTest("\"$jpk_root\"") + "; else printf '@where=%s\\n' \"$jpk_root\"; (exit 1); fi";
        }
    }

    private static String dbTest(String rootExpr) {
        return "if [ -e " + rootExpr + "'" + DBDIR + "/local.sqlite' ]; "
                + "then echo @db=present; else echo @db=absent; fi";
    }
}
