package dev.jprov.modules.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entries of an mtree listing as bsdtar writes it ({@code tar -cf - --format=mtree}, libarchive's
 * archive_write_set_format_mtree.c): one line per entry, its name in vis(3) encoding ({@code \040} for a space),
 * then {@code key=value} words (type, mode, uid, gid, uname, gname, size, time, link). Names are normalised as
 * the archive's list gives them: no leading "./", no trailing "/".
 */
record ArchiveListing(Map<String, Entry> entries) {

    record Entry(String name, String type, int mode, int uid, int gid, String uname, String gname, long size,
                 long mtime) {}

    static ArchiveListing parse(String mtree) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String line : mtree.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("/set")) {
                for (int i = 1; i < words.length; i++) put(defaults, words[i]);
                continue;
            }
            if (words[0].startsWith("/")) continue;
            Map<String, String> kv = new LinkedHashMap<>(defaults);
            for (int i = 1; i < words.length; i++) put(kv, words[i]);
            String name = normalise(unvis(words[0]));
            if (name.isEmpty()) continue;
            entries.put(name, new Entry(name, kv.getOrDefault("type", "file"),
                    Integer.parseInt(kv.getOrDefault("mode", "0"), 8), Integer.parseInt(kv.getOrDefault("uid", "0")),
                    Integer.parseInt(kv.getOrDefault("gid", "0")), kv.getOrDefault("uname", ""),
                    kv.getOrDefault("gname", ""), Long.parseLong(kv.getOrDefault("size", "0")),
                    (long) Double.parseDouble(kv.getOrDefault("time", "0"))));
        }
        return new ArchiveListing(entries);
    }

    /** A name as {@code tar -t} prints it, as the listing keys it. */
    static String normalise(String name) {
        String n = name;
        while (n.startsWith("./")) n = n.substring(2);
        while (n.endsWith("/")) n = n.substring(0, n.length() - 1);
        return n.equals(".") ? "" : n;
    }

    private static void put(Map<String, String> kv, String word) {
        int eq = word.indexOf('=');
        if (eq > 0) kv.put(word.substring(0, eq), word.substring(eq + 1));
    }

    /** vis(3)'s octal escapes (\040) and backslash, as mtree writes names; the bytes are UTF-8. */
    static String unvis(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                bytes.write('\\');
                i++;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
