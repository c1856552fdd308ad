package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * get_url's {@code checksum: ALGORITHM:VALUE}, where VALUE is the digest in hex or the URL of a checksum file
 * (sha256sum's "DIGEST  NAME" lines, or a file holding one digest), as get_url.py reads it. The algorithms are
 * FreeBSD's md5(1) family, each a command of the same name with {@code -q}.
 */
record UrlChecksum(String algorithm, Optional<String> digest, Optional<String> url) {
    static final Set<String> ALGORITHMS = Set.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512");

    static Optional<UrlChecksum> parse(String text) {
        if (text.isEmpty()) return Optional.empty();
        int colon = text.indexOf(':');
        if (colon < 0) throw new ArgsException("The checksum parameter has to be in format <algorithm>:<checksum>");
        String algorithm = text.substring(0, colon);
        String value = text.substring(colon + 1);
        if (!ALGORITHMS.contains(algorithm)) {
            throw new ArgsException("checksum: unsupported algorithm '" + algorithm + "' (FreeBSD's digest commands: "
                    + String.join(", ", new java.util.TreeSet<>(ALGORITHMS)) + ")");
        }
        if (isUrl(value)) return Optional.of(new UrlChecksum(algorithm, Optional.empty(), Optional.of(value)));
        return Optional.of(new UrlChecksum(algorithm, Optional.of(normalized(value)), Optional.empty()));
    }

    /** get_url.py: {@code re.sub(r'\W+', '', checksum).lower()}, then it must be hex. */
    static String normalized(String value) {
        String hex = value.replaceAll("[^\\p{Alnum}_]+", "").toLowerCase(Locale.ROOT);
        if (hex.isEmpty() || !hex.matches("[0-9a-f]+")) throw new ArgsException("The checksum format is invalid");
        return hex;
    }

    static boolean isUrl(String value) {
        return value.matches("(?i)(https?|ftp|file)://.*");
    }

    /**
     * The digest for {@code filename} in a checksum file, as get_url.py picks it: a file of one word is that
     * digest; otherwise the first "DIGEST NAME" line whose name (without "*" or "./") is the file's.
     */
    static Optional<String> pick(String checksumFile, String filename) {
        List<String> lines = checksumFile.lines().toList();
        if (lines.size() == 1 && lines.get(0).trim().split("\\s+").length == 1 && !lines.get(0).isBlank()) {
            return Optional.of(lines.get(0));
        }
        List<String[]> pairs = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 2);
            if (parts.length != 2) continue;
            String name = parts[1];
            if (name.startsWith(" ") || name.startsWith("*")) name = name.substring(1);
            pairs.add(new String[] {parts[0], name.replaceFirst("^[./]+", "")});
        }
        return pairs.stream().filter(p -> p[1].equals(filename)).map(p -> p[0]).findFirst();
    }
}
