package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {% include %}, {% import %} and {% extends %} find templates: next to the template being rendered, then
 * in the role's and playbook's templates/ (Ansible's search path). Never the classpath: jinjava's default locator
 * would let a template read jprov's own resources.
 */
final class SearchPathLocator implements ResourceLocator {

    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
        RenderSession session = RenderSession.of(interpreter.getContext());
        if (session == null) throw new ResourceNotFoundException("no template search path for " + fullName);
        Path found = find(session, "templates", fullName, true);
        return Files.readString(found, encoding);
    }

    /** The first existing file for {@code name}: absolute as is, else along the session's search path. */
    static Path find(RenderSession session, String subdir, String name, boolean besideTemplate) throws ResourceNotFoundException {
        Path p = Path.of(name);
        List<Path> candidates = new ArrayList<>();
        if (p.isAbsolute()) {
            candidates.add(p);
        } else {
            Object current = session.vars().raw().get("template_fullpath");
            if (besideTemplate && current instanceof String s) {
                Path dir = Path.of(s).getParent();
                if (dir != null) candidates.add(dir.resolve(p));
            }
            for (Path dir : session.searchPaths(subdir)) candidates.add(dir.resolve(p));
            if (candidates.isEmpty()) candidates.add(p);
        }
        for (Path c : candidates) if (Files.isRegularFile(c)) return c;
        throw new ResourceNotFoundException("could not locate file in lookup: " + name + " (searched: "
                + String.join(", ", candidates.stream().map(Path::toString).toList()) + ")");
    }
}
