package dev.jprov.modules.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One line of /etc/group (group(5)): name, password, gid and the member names. */
record GroupEntry(String name, String password, long gid, List<String> members) {
    GroupEntry {
        members = List.copyOf(members);
    }

    static Optional<GroupEntry> parse(String line) {
        if (line.isEmpty() || line.startsWith("#")) return Optional.empty();
        String[] f = line.split(":", -1);
        if (f.length < 3) return Optional.empty();
        try {
            List<String> members = f.length > 3 && !f[3].isEmpty()
                    ? Arrays.stream(f[3].split(",")).filter(m -> !m.isEmpty()).toList() : List.of();
            return Optional.of(new GroupEntry(f[0], f[1], Long.parseLong(f[2]), members));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
