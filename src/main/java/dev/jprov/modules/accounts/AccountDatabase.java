package dev.jprov.modules.accounts;

import dev.jprov.facts.ProbeAnswer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FreeBSD's local account files as one probe read them: /etc/master.passwd and /etc/group, plus what a module
 * appended after them (a section per marker line). Lookups follow pw(8): a group named by a number that is no
 * group's name is a gid, and new ids come from pw_uidpolicy's rule.
 */
record AccountDatabase(List<PasswdEntry> users, List<GroupEntry> groups, Map<String, String> sections) {
    static final String GROUP_MARKER = "#jprov:group";
    static final String SECTION_PREFIX = "#jprov:";
    /** pw_conf.c's default uid and gid range. */
    static final long MIN_ID = 1000, MAX_ID = 32000;

    AccountDatabase {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        sections = Map.copyOf(sections);
    }

    /** Shell text printing both files, the group file after {@link #GROUP_MARKER}; fails when either is unreadable. */
    static String readScript() {
        return "cat /etc/master.passwd || exit 1\necho '" + GROUP_MARKER + "'\ncat /etc/group || exit 1\n";
    }

    /** The files from the probe's answer, or the reason they could not be read. */
    static Result read(ProbeAnswer answer) {
        if (!answer.ok()) {
            return new Result(Optional.empty(), Optional.of("cannot read the account files: " + answer.stderr().strip()));
        }
        List<PasswdEntry> users = new ArrayList<>();
        List<GroupEntry> groups = new ArrayList<>();
        Map<String, String> sections = new LinkedHashMap<>();
        String section = "passwd";
        StringBuilder text = new StringBuilder();
        for (String line : answer.stdout().split("\n", -1)) {
            if (line.startsWith(SECTION_PREFIX)) {
                sections.put(section, text.toString());
                section = line.equals(GROUP_MARKER) ? "group" : line.substring(SECTION_PREFIX.length());
                text.setLength(0);
                continue;
            }
            switch (section) {
                case "passwd" -> PasswdEntry.parse(line).ifPresent(users::add);
                case "group" -> GroupEntry.parse(line).ifPresent(groups::add);
                default -> text.append(line).append('\n');
            }
        }
        sections.put(section, text.toString());
        return new Result(Optional.of(new AccountDatabase(users, groups, sections)), Optional.empty());
    }

    record Result(Optional<AccountDatabase> database, Optional<String> error) {}

    Optional<PasswdEntry> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    Optional<GroupEntry> groupNamed(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    Optional<GroupEntry> groupWithGid(long gid) {
        return groups.stream().filter(g -> g.gid() == gid).findFirst();
    }

    /** A group by name, or by gid when the name is a number no group has as its name (pw's GETGRNAM, GETGRGID). */
    Optional<GroupEntry> group(String nameOrGid) {
        Optional<GroupEntry> byName = groupNamed(nameOrGid);
        if (byName.isPresent() || !nameOrGid.matches("[0-9]+")) return byName;
        return groupWithGid(Long.parseLong(nameOrGid));
    }

    /** The groups listing {@code user} as a member, other than the one with gid {@code primaryGid}, in file order. */
    List<String> supplementaryGroups(String user, long primaryGid) {
        return groups.stream().filter(g -> g.members().contains(user) && g.gid() != primaryGid)
                .map(GroupEntry::name).toList();
    }

    /**
     * The id pw gives a new user (or group, with {@code gids}): the highest id in use within 1000..32000 plus one,
     * 1001 when none is (bitmap.c's bm_lastset answers 0 for an empty map), the lowest free one past the range.
     */
    long nextId(boolean gids) {
        Set<Long> used = new HashSet<>();
        long last = 0;
        for (long id : gids ? groups.stream().map(GroupEntry::gid).toList() : users.stream().map(PasswdEntry::uid).toList()) {
            if (id < MIN_ID || id > MAX_ID) continue;
            used.add(id);
            last = Math.max(last, id - MIN_ID);
        }
        long next = last + MIN_ID + 1;
        if (next > MAX_ID) {
            next = MIN_ID;
            while (used.contains(next)) next++;
        }
        return next;
    }

    String section(String name) {
        return sections.getOrDefault(name, "");
    }
}
