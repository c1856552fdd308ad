package dev.jprov.run;

import dev.jprov.engine.TemplateError;
import dev.jprov.engine.Templating;
import dev.jprov.source.Secrets;
import dev.jprov.source.SourceLocation;
import dev.jprov.template.RenderLimits;
import dev.jprov.template.Templar;
import dev.jprov.template.TemplateException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The executor's templating, done by the template package's jinjava-based {@link Templar}. Setting jinjava up
 * takes about half a second, so it is built in the background while the run loads files and connects; values
 * without Jinja markup (most connection variables and host patterns) never wait for it.
 */
final class TemplarTemplating implements Templating {
    private final CompletableFuture<Templar> templar;

    TemplarTemplating(CompletableFuture<Templar> templar) {
        this.templar = templar;
    }

    /** Starts building the Templar now, on another thread. */
    static TemplarTemplating startingNow() {
        return startingNow(Secrets.NONE);
    }

    /** Starts building the Templar now; it opens vault-encrypted template and lookup files with {@code secrets}. */
    static TemplarTemplating startingNow(Secrets secrets) {
        return new TemplarTemplating(CompletableFuture.supplyAsync(() -> new Templar(RenderLimits.DEFAULT, secrets)));
    }

    @Override
    public Object render(Object value, Map<String, Object> vars, SourceLocation where) {
        if (!hasMarkup(value)) return value;
        try {
            return templar.join().render(value, vars, where);
        } catch (TemplateException e) {
            throw new TemplateError(e.getMessage(), e, e.undefined());
        }
    }

    @Override
    public boolean test(List<String> conditions, Map<String, Object> vars, SourceLocation where) {
        try {
            return templar.join().evaluateCondition(conditions, vars, where);
        } catch (TemplateException e) {
            throw new TemplateError(e.getMessage(), e);
        }
    }

    @Override
    public String omit() {
        return Templar.OMIT;
    }

    @Override
    public String text(Object value) {
        if (value instanceof String s) return s;
        return templar.join().str(value);
    }

    @Override
    public String renderFile(Path template, Map<String, Object> vars) {
        try {
            return templar.join().renderTemplateFile(template, vars);
        } catch (TemplateException e) {
            throw new TemplateError(e.getMessage(), e);
        }
    }

    private static boolean hasMarkup(Object value) {
        return switch (value) {
            case String s -> Templar.isTemplate(s);
            case Map<?, ?> m -> m.entrySet().stream().anyMatch(e -> hasMarkup(e.getKey()) || hasMarkup(e.getValue()));
            case List<?> l -> l.stream().anyMatch(TemplarTemplating::hasMarkup);
            case null, default -> false;
        };
    }
}
