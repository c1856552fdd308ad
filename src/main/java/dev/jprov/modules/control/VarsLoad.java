package dev.jprov.modules.control;

import dev.jprov.modules.ModuleContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The files include_vars loads, in order, with the variables so far (a later file's win) or the first failure. */
final class VarsLoad {
    private final ModuleContext context;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final List<String> included = new ArrayList<>();
    private String error;

    VarsLoad(ModuleContext context) {
        this.context = context;
    }

    /** _load_files: the file's mapping added (an empty file adds nothing); anything else fails the task. */
    void file(Path file, boolean validateExtension, List<String> extensions) {
        if (error != null) return;
        if (validateExtension && !VarsDirectory.hasExtension(file.getFileName().toString(), extensions)) {
            fail(file + " does not have a valid extension: " + String.join(", ", extensions));
            return;
        }
        Object data = context.readVarsFile(file);
        if (data == null || data instanceof Map<?, ?> m && m.isEmpty() || Boolean.FALSE.equals(data)
                || "".equals(data) || data instanceof List<?> l && l.isEmpty()) {
            data = Map.of();
        }
        if (!(data instanceof Map<?, ?> map)) {
            fail(file + " must be stored as a dictionary/hash");
            return;
        }
        included.add(file.toString());
        map.forEach((k, v) -> vars.put(String.valueOf(k), v));
    }

    void fail(String message) {
        if (error == null) error = message;
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }

    Map<String, Object> vars() {
        return vars;
    }

    List<String> included() {
        return List.copyOf(included);
    }
}
