package dev.jprov.template;

import java.util.Optional;
import java.util.Set;

/**
 * A template file's first line {@code #jinja2: key: value, ...}: Ansible 2.14's do_template removes it and sets
 * each key on the Jinja environment for that file, the value read by ast.literal_eval (so {@code False} is false
 * and {@code 'no'} is a true string). jprov acts on trim_blocks and lstrip_blocks; Jinja's other options
 * (delimiters, line statements, newlines) are refused rather than ignored, and names Jinja does not know are
 * ignored as setattr on the environment ignores them.
 */
record TemplateHeader(boolean trimBlocks, boolean lstripBlocks, String body) {
    static final String PREFIX = "#jinja2:";

    private static final Set<String> UNSUPPORTED = Set.of("block_start_string", "block_end_string",
            "variable_start_string", "variable_end_string", "comment_start_string", "comment_end_string",
            "line_statement_prefix", "line_comment_prefix", "newline_sequence", "keep_trailing_newline",
            "autoescape", "optimized", "finalize", "undefined", "extensions", "cache_size", "auto_reload");

    /** The options for a file's text (the template module's: trim_blocks on, lstrip_blocks off) and its body. */
    static TemplateHeader of(String text) {
        if (!text.startsWith(PREFIX)) return new TemplateHeader(true, false, text);
        int eol = text.indexOf('\n');
        // Python's data[len(prefix):-1] and data[0:] when there is no newline; kept for the same bytes
        String line = eol < 0 ? text.substring(PREFIX.length(), Math.max(PREFIX.length(), text.length() - 1))
                : text.substring(PREFIX.length(), eol);
        String body = text.substring(eol + 1);
        boolean trim = true;
        boolean lstrip = false;
        for (String pair : line.split(",", -1)) {
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw failure("failed to parse jinja2 override '" + pair.strip()
                        + "'. Did you use something different from colon as key-value separator?");
            }
            String key = pair.substring(0, colon).strip();
            String value = pair.substring(colon + 1).strip();
            if (key.equals("trim_blocks")) trim = truth(key, value);
            else if (key.equals("lstrip_blocks")) lstrip = truth(key, value);
            else if (UNSUPPORTED.contains(key)) {
                throw failure("the #jinja2: option " + key + " is not supported by jprov");
            }
        }
        return new TemplateHeader(trim, lstrip, body);
    }

    /** Python's truth of the literal the value spells; a value that is no literal fails as literal_eval does. */
    private static boolean truth(String key, String value) {
        Optional<Object> literal = value.equals("true") || value.equals("false") || value.equals("null")
                ? Optional.empty() // JSON's spellings are names to literal_eval, not literals
                : PythonLiteral.parse(value);
        if (literal.isEmpty()) {
            throw failure("malformed value for " + key + " in the #jinja2: header: " + value);
        }
        Object v = literal.get();
        return v.getClass() != Object.class && PythonTypeConverter.truthy(v); // a bare Object is PythonLiteral's None
    }

    /** Line 1 of the file; inside a render (lookup('template')) the failure is the calling template's, recorded. */
    private static TemplateFailure failure(String message) {
        return RenderSession.current() != null ? RenderSession.failure(message) : new TemplateFailure(message, 1);
    }
}
