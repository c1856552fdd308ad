package dev.jprov.engine.script;

/**
 * Shell functions every batched script defines once. Which stat(1) the target has is tested unless the script
 * says it already ({@link ProbeBatch#flavor}: the controller learns it from the first probe round). Portable POSIX sh: FreeBSD's sh, dash and busybox ash;
 * BSD stat/sha256 on FreeBSD, GNU or busybox stat/sha256sum elsewhere (jail roots in the testbed are busybox).
 */
final class ShellPrelude {
    private ShellPrelude() {}

    static final String TEXT = """
            if [ -z "${jp_flavor:-}" ]; then
              jp_flavor=gnu
              if stat -f %z / >/dev/null 2>&1; then jp_flavor=bsd; fi
            fi
            jp_stat() {
              jp_f=$1; shift
              [ $# -gt 0 ] || return 0
              if [ "$jp_flavor" = bsd ]; then
                if [ "$jp_f" = L ]; then stat -L -f '%p %u %g %Su %Sg %z %m %N' "$@"
                else stat -f '%p %u %g %Su %Sg %z %m %N' "$@"; fi
              else
                if [ "$jp_f" = L ]; then stat -L -c 'x%f %u %g %U %G %s %Y %n' "$@"
                else stat -c 'x%f %u %g %U %G %s %Y %n' "$@"; fi
              fi 2>/dev/null
              return 0
            }
            jp_sha() {
              [ $# -gt 0 ] || return 0
              if command -v sha256 >/dev/null 2>&1; then sha256 -r "$@"; else sha256sum "$@"; fi 2>/dev/null
              return 0
            }
            jp_hash() {
              jp_n=$#
              while [ "$jp_n" -gt 0 ]; do
                jp_p=$1; shift; jp_n=$((jp_n - 1))
                if [ -f "$jp_p" ]; then set "$@" "$jp_p"; fi
              done
              jp_sha "$@"
            }
            jp_links() {
              for jp_p; do
                if [ -L "$jp_p" ]; then printf '%s\\t%s\\n' "$(readlink "$jp_p")" "$jp_p"; fi
              done
              return 0
            }
            jp_b64d() {
              if command -v b64decode >/dev/null 2>&1; then b64decode -r
              elif command -v base64 >/dev/null 2>&1; then base64 -d
              else openssl base64 -d -A; fi
            }
            jp_meta() {
              if [ "$jp_flavor" = bsd ]; then stat -f '%Mp%Lp %u:%g' "$1"; else stat -c '%a %u:%g' "$1"; fi
            }
            """;
}
