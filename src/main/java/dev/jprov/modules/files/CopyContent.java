package dev.jprov.modules.files;

import dev.jprov.modules.ArgsException;
import dev.jprov.pyformat.PythonFloat;
import dev.jprov.pyformat.PythonJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The text Ansible's copy action writes for {@code content}: a dict or a list as {@code json.dumps(content)}
 * leaves it (one line, ", " and ": ", keys in their order, non-ASCII as \\u escapes, NaN and Infinity bare),
 * any other value as Python's str of it (42, True, 1.5), a string as it is.
 */
record CopyContent(Object value) {
    private static final PythonJson JSON = PythonJson.dumps(null, false, true).withOther(CopyContent::notJson);

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    String text() {
        return switch (value) {
            case Map<?, ?> m -> JSON.write(m);
            case List<?> l -> JSON.write(l);
            case Boolean b -> b ? "True" : "False";
            case Double d -> PythonFloat.repr(d);
            case Float f -> PythonFloat.repr(f.doubleValue());
            default -> String.valueOf(value);
        };
    }

    /** json.dumps's TypeError, which the action reports as it does any failure to write its temp file. */
    private static String notJson(Object v) {
        throw new ArgsException("could not write content temp file: Object of type "
                + v.getClass().getSimpleName() + " is not JSON serializable");
    }
}
