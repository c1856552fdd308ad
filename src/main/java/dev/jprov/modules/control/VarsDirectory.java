package dev.jprov.modules.control;

import dev.jprov.modules.ArgsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * include_vars' dir: the directories below it sorted by path (os.walk's roots, sorted as strings), the first
 * {@code depth} of them (all with 0), each one's files sorted by name, filtered by files_matching (re.search),
 * ignore_files (re.search of NAME$) and the extensions.
 */
record VarsDirectory(int depth, Optional<String> filesMatching, List<String> ignoreFiles, List<String> extensions,
                     boolean ignoreUnknownExtensions) {

    VarsDirectory {
        filesMatching.ifPresent(VarsDirectory::compile);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ArgsException("Invalid regular expression: " + regex);
        }
    }

    static boolean hasExtension(String name, List<String> extensions) {
        // os.path.splitext: a leading dot does not start an extension
        String stem = name.replaceFirst("^\\.+", "");
        int dot = stem.lastIndexOf('.');
        String ext = dot < 0 ? "" : stem.substring(dot + 1);
        return dot >= 0 && extensions.contains(ext);
    }

    void load(Path dir, VarsLoad load) {
        if (!Files.exists(dir)) {
            load.fail(dir + " directory does not exist");
            return;
        }
        if (!Files.isDirectory(dir)) {
            load.fail(dir + " is not a directory");
            return;
        }
        List<Path> roots;
        try (Stream<Path> walk = Files.walk(dir)) {
            roots = new ArrayList<>(walk.filter(Files::isDirectory).filter(p -> p.equals(dir)
                    || !Files.isSymbolicLink(p)).toList());
        } catch (IOException e) {
            load.fail("cannot read " + dir + ": " + e.getMessage());
            return;
        }
        roots.sort((a, b) -> a.toString().compareTo(b.toString()));
        int seen = 0;
        for (Path root : roots) {
            seen++;
            if (depth != 0 && seen > depth) break;
            List<String> names;
            try (Stream<Path> list = Files.list(root)) {
                names = new ArrayList<>(list.filter(p -> !Files.isDirectory(p))
                        .map(p -> p.getFileName().toString()).sorted().toList());
            } catch (IOException e) {
                continue; // os.walk's onerror only logs
            }
            for (String name : names) {
                if (filesMatching.isPresent() && !compile(filesMatching.get()).matcher(name).find()) continue;
                if (ignored(name)) continue;
                if (ignoreUnknownExtensions && !hasExtension(name, extensions)) continue;
                load.file(root.resolve(name), true, extensions);
            }
            if (load.error().isPresent()) return;
        }
    }

    private boolean ignored(String name) {
        for (String i : ignoreFiles) if (compile(i + "$").matcher(name).find()) return true;
        return false;
    }
}
