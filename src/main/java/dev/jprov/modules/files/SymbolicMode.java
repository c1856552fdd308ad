package dev.jprov.modules.files;

/** Ansible's _symbolic_mode_to_octal, ported so "u=rwX,g-w" gives the same bits Ansible would set. */
final class SymbolicMode {
    private SymbolicMode() {}

    private static final int S_ISUID = 04000, S_ISGID = 02000, S_ISVTX = 01000;
    private static final int S_IRWXU = 0700, S_IRWXG = 0070, S_IRWXO = 0007;
    private static final int PERM_BITS = 07777;

    static int apply(String symbolic, int current, boolean directory, int umask) {
        int mode = current & PERM_BITS;
        for (String clause : symbolic.split(",", -1)) {
            int i = 0;
            while (i < clause.length() && "+-=".indexOf(clause.charAt(i)) < 0) i++;
            if (i == clause.length()) throw new IllegalArgumentException("bad symbolic permission for mode: " + clause);
            String users = clause.substring(0, i);
            boolean useUmask = users.isEmpty();
            if (users.isEmpty() || users.equals("a")) users = "ugo";
            for (char u : users.toCharArray()) {
                if ("ugo".indexOf(u) < 0) throw new IllegalArgumentException("bad symbolic permission for mode: " + clause);
            }
            // The rest is a sequence of (operator, perms) pairs, e.g. "=rw-x+X".
            int j = i;
            while (j < clause.length()) {
                char op = clause.charAt(j++);
                int k = j;
                while (k < clause.length() && "+-=".indexOf(clause.charAt(k)) < 0) k++;
                String perms = clause.substring(j, k);
                for (char p : perms.toCharArray()) {
                    if ("rwxXstugo".indexOf(p) < 0) throw new IllegalArgumentException("bad symbolic permission for mode: " + clause);
                }
                for (char u : users.toCharArray()) {
                    int bits = 0;
                    for (char p : perms.toCharArray()) bits |= permBits(current, directory, u, p, useUmask, umask);
                    mode = operate(u, op, bits, mode);
                }
                j = k;
            }
        }
        return mode;
    }

    private static int operate(char user, char op, int bits, int mode) {
        return switch (op) {
            case '=' -> {
                int mask = switch (user) {
                    case 'u' -> S_IRWXU | S_ISUID;
                    case 'g' -> S_IRWXG | S_ISGID;
                    default -> S_IRWXO | S_ISVTX;
                };
                yield (mode & (mask ^ PERM_BITS)) | bits;
            }
            case '+' -> mode | bits;
            default -> mode & ~bits;
        };
    }

    private static int permBits(int current, boolean directory, char user, char perm, boolean useUmask, int umask) {
        int prev = current & PERM_BITS;
        int rev = umask ^ PERM_BITS;
        boolean applyX = directory || (prev & 0111) != 0;
        int shift = switch (user) { case 'u' -> 6; case 'g' -> 3; default -> 0; };
        return switch (perm) {
            case 'r' -> masked(04 << shift, useUmask, rev);
            case 'w' -> masked(02 << shift, useUmask, rev);
            case 'x' -> masked(01 << shift, useUmask, rev);
            case 'X' -> applyX ? 01 << shift : 0;
            case 's' -> user == 'u' ? S_ISUID : user == 'g' ? S_ISGID : 0;
            case 't' -> user == 'o' ? S_ISVTX : 0;
            case 'u' -> ((prev & S_IRWXU) >> 6) << shift;
            case 'g' -> ((prev & S_IRWXG) >> 3) << shift;
            default -> (prev & S_IRWXO) << shift;
        };
    }

    private static int masked(int bit, boolean useUmask, int rev) {
        return useUmask ? rev & bit : bit;
    }
}
