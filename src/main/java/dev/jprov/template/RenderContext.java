package dev.jprov.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * The root context of a render. It withholds a few jinjava filters that would reach Java objects. jinjava treats an unknown filter or test as null and the expression quietly
 * as null too; Jinja2 (so Ansible) refuses the template. Scopes below this one ask their parent, so answering
 * here with a filter or test that fails by name covers the whole render.
 */
final class RenderContext extends Context {
    /** jinjava filters that serialize any Java object through its getters, or render data as a template. */
    private static final java.util.Set<String> WITHHELD_FILTERS = java.util.Set.of("tojson", "pprint", "render");

    RenderContext(Context global) {
        super(global);
    }

    @Override
    public Filter getFilter(String name) {
        Filter f = WITHHELD_FILTERS.contains(name) ? null : super.getFilter(name);
        return f != null ? f : new Filter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                throw RenderSession.failure("No filter named '" + name + "'.");
            }
        };
    }

    @Override
    public ExpTest getExpTest(String name) {
        ExpTest t = super.getExpTest(name);
        return t != null ? t : new ExpTest() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
                throw RenderSession.failure("No test named '" + name + "'.");
            }
        };
    }
}
