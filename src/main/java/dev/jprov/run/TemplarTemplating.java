package dev.jprov.run;

import dev.jprov.engine.TemplateError;
import dev.jprov.engine.Templating;
import dev.jprov.source.SourceLocation;
import dev.jprov.template.Templar;
import dev.jprov.template.TemplateException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The executor's templating, done by the template package's jinjava-based {@link Templar}. */
final class TemplarTemplating implements Templating {
    private final Templar templar;

    TemplarTemplating(Templar templar) {
        this.templar = templar;
    }

    @Override
    public Object render(Object value, Map<String, Object> vars, SourceLocation where) {
        try {
            return templar.render(value, vars, where);
        } catch (TemplateException e) {
            throw new TemplateError(e.getMessage(), e);
        }
    }

    @Override
    public boolean test(List<String> conditions, Map<String, Object> vars, SourceLocation where) {
        try {
            return templar.evaluateCondition(conditions, vars, where);
        } catch (TemplateException e) {
            throw new TemplateError(e.getMessage(), e);
        }
    }

    @Override
    public String text(Object value) {
        if (value instanceof String s) return s;
        return String.valueOf(templar.render("{{ jprov_value | string }}", Map.of("jprov_value", value), null));
    }

    @Override
    public String renderFile(Path template, Map<String, Object> vars) {
        try {
            return templar.renderTemplateFile(template, vars);
        } catch (TemplateException e) {
            throw new TemplateError(e.getMessage(), e);
        }
    }
}
