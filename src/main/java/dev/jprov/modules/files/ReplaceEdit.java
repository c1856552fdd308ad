package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import dev.jprov.pyregex.PythonMatch;
import dev.jprov.pyregex.PythonRegex;
import dev.jprov.pyregex.PythonRegexException;
import java.util.List;
import java.util.Optional;

/** replace's text edit: re.subn over the whole text, or over the subsection between after and before. */
record ReplaceEdit(PythonRegex regexp, String replace, Optional<PythonRegex> section) {

    /** @param sectionMissing the after/before pattern found nothing (Ansible then exits unchanged) */
    record Result(String text, int count, boolean sectionMissing) {}

    /** A bad group reference in {@code replace} fails at once, as re.subn would on the first match. */
    void checkTemplate() {
        try {
            regexp.sub(replace, "");
        } catch (PythonRegexException e) {
            throw new ArgsException("invalid replace: " + replace + " (" + e.getMessage() + ")");
        }
    }

    Result apply(String contents) {
        int start = 0, end = contents.length();
        if (section.isPresent()) {
            Optional<PythonMatch> m = section.get().search(contents);
            if (m.isEmpty()) return new Result(contents, 0, true);
            int g = section.get().groupIndex().get("subsection");
            start = m.get().result().start(g);
            end = m.get().result().end(g);
        }
        String part = contents.substring(start, end);
        List<PythonMatch> matches = regexp.finditer(part);
        String replaced;
        try {
            replaced = regexp.sub(replace, part);
        } catch (PythonRegexException e) {
            throw new ArgsException(e.getMessage() + " in replace: " + replace);
        }
        return new Result(contents.substring(0, start) + replaced + contents.substring(end), matches.size(), false);
    }
}
