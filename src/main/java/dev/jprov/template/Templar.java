package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaProcessors;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import com.hubspot.jinjava.tree.parse.TextToken;
import com.hubspot.jinjava.tree.parse.Token;
import com.hubspot.jinjava.tree.parse.TokenScanner;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Builder;
import jinjava.de.odysseus.el.tree.impl.Cache;
import dev.jprov.source.LoadException;
import dev.jprov.source.Secrets;
import dev.jprov.source.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ExpressionFactory;

/**
 * Ansible's templating on jinjava: one instance per run (jinjava's set-up is the costly part), thread-safe,
 * shared by all hosts. Values print as Python prints them, undefined variables are errors naming the template
 * and line, variables render lazily, and templates cannot reach Java (no bean access, no method calls other than
 * a fixed set of Python str/dict/list methods, no classpath includes), within time and size limits.
 */
public final class Templar {
    /** Ansible's {@code omit}: a task argument whose value is this is dropped by the engine. */
    public static final String OMIT = "__omit_place_holder__jprov";

    /** jinjava resolves this name to its interpreter object; templates must not get hold of it. */
    private static final String INTERPRETER_NAME = com.hubspot.jinjava.el.ext.ExtendedParser.INTERPRETER;

    private final RenderLimits limits;
    private final Secrets secrets;
    private final JinjavaConfig config;
    private final Jinjava jinjava;
    private final PythonOutputStrategy outputStrategy = new PythonOutputStrategy();

    public Templar() {
        this(RenderLimits.DEFAULT);
    }

    public Templar(RenderLimits limits) {
        this(limits, Secrets.NONE);
    }

    /** @param secrets opens vault-encrypted template files and lookup('file') files, as Ansible's loader does */
    public Templar(RenderLimits limits, Secrets secrets) {
        this.limits = limits;
        this.secrets = secrets;
        this.config = JinjavaConfig.newBuilder()
                .withTrimBlocks(false) // Ansible's trim_blocks=True is done by TrimBlocks, keeping line numbers right
                .withLstripBlocks(false)
                .withNestedInterpretationEnabled(false) // Jinja never re-renders a value's text
                .withFailOnUnknownTokens(false) // unknown names become Undefined, see SandboxedResolver
                .withElResolver(new SandboxedResolver())
                .withMaxOutputSize(limits.maxOutputChars())
                .withMaxStringLength(limits.maxOutputChars())
                .withMaxListSize(limits.maxCollectionSize())
                .withMaxMapSize(limits.maxCollectionSize())
                .withRangeLimit(limits.rangeLimit())
                .withEnableRecursiveMacroCalls(true)
                .withMaxMacroRecursionDepth(200)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withIterateOverMapKeys(true) // for k in dict: keys, as Python
                        .withEvaluateMapKeys(true) // {a: 1} uses variable a, as Jinja2
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .withKeepNullableLoopValues(true)
                        .build())
                .withProcessors(JinjavaProcessors.newBuilder()
                        .withNodePreProcessor((node, interpreter) -> {
                            RenderSession s = RenderSession.of(interpreter.getContext());
                            if (s != null) s.checkDeadline();
                        })
                        .build())
                .build();
        this.jinjava = new AnsibleJinjava(config);
        jinjava.setResourceLocator(new SearchPathLocator());
        jinjava.registerTag(new LoopFilterForTag());
        jinjava.registerTag(new FilterBlockTag());
        AnsibleFilters.registerAll(jinjava);
        AnsibleTests.registerAll(jinjava);
        IpTests.registerAll(jinjava);
        Lookups.registerAll(jinjava);
        RangeFunction.register(jinjava);
        DictFunction.register(jinjava);
        QualifiedNames.registerAll(jinjava); // last: aliases what is registered above
    }

    /** Jinjava with Python's truthiness and coercions (and Undefined failing) in its expression language. */
    private static final class AnsibleJinjava extends Jinjava {
        private final ExpressionFactory factory;

        AnsibleJinjava(JinjavaConfig config) {
            super(config);
            // The features of juel's default (JEE6) profile that jinjava's own factory runs with.
            var builder = new PythonSyntaxBuilder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
            factory = new ExpressionFactoryImpl(new TreeStore(builder, new Cache(1000)), new PythonTypeConverter());
        }

        @Override
        public ExpressionFactory getExpressionFactory() {
            return factory;
        }
    }

    /** A value as Python's str() prints it ({'key': 'a'}, True, None): item labels and messages use this. */
    public String str(Object value) {
        return PythonRepr.str(value);
    }

    /** True when a string has Jinja markup; everything else is returned as-is without touching jinjava. */
    public static boolean isTemplate(String s) {
        return s.contains("{{") || s.contains("{%") || s.contains("{#");
    }

    /** The lazily rendering view of {@code vars} that renders should get; an existing view is returned as is. */
    public LazyVars lazyVars(Map<String, ?> vars) {
        if (vars instanceof LazyVars lv && lv.templar() == this) return lv;
        return new LazyVars(this, vars, List.of());
    }

    /**
     * Renders a task value: maps and lists recursively (keys too), strings that are exactly one {@code {{ expr }}}
     * to the expression's native value, other templates to strings, everything else unchanged.
     */
    public Object render(Object value, Map<String, ?> vars, SourceLocation where) {
        LazyVars lv = lazyVars(vars);
        try {
            return materialize(renderValue(value, lv));
        } catch (TemplateFailure f) {
            throw new TemplateException(where, f.getMessage(), f.undefined());
        }
    }

    private Object renderValue(Object value, LazyVars vars) {
        if (value instanceof String s) {
            return isTemplate(s) ? convertData(renderText(s, vars, true)) : s;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(renderValue(e.getKey(), vars), renderValue(e.getValue(), vars));
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(renderValue(o, vars));
            return out;
        }
        return value;
    }

    /**
     * Evaluates {@code when}, {@code changed_when}, {@code failed_when} or assert's {@code that}: one condition or a
     * list that must all hold. Follows Ansible 2.14: booleans as they are, an empty condition is true, a condition
     * with {{ }} is rendered first (a non-string result is tested for truth), and the text is then evaluated as a
     * bare Jinja expression with Python's truthiness.
     */
    public boolean evaluateCondition(Object conditions, Map<String, ?> vars, SourceLocation where) {
        LazyVars lv = lazyVars(vars);
        List<?> list = conditions instanceof List<?> l ? l : java.util.Collections.singletonList(conditions);
        for (Object condition : list) {
            try {
                if (!evaluateOne(condition, lv)) return false;
            } catch (TemplateFailure f) {
                throw new TemplateException(where, "The conditional check '" + condition + "' failed. The error was: "
                        + "error while evaluating conditional (" + condition + "): " + f.getMessage());
            }
        }
        return true;
    }

    private boolean evaluateOne(Object condition, LazyVars vars) {
        if (condition == null) return true;
        if (condition instanceof Boolean b) return b;
        if (!(condition instanceof String text)) return PythonTypeConverter.truthy(condition);
        if (text.isEmpty()) return true;
        if (isTemplate(text)) {
            Object rendered = convertData(renderText(text, vars, true));
            if (!(rendered instanceof String s) || s.isEmpty()) return PythonTypeConverter.truthy(rendered);
            text = s;
        }
        return PythonTypeConverter.truthy(evaluateExpression(text, vars));
    }

    /**
     * A controller file's text as Ansible's loader gives it to the template module and lookups: decrypted when it
     * is vault-encrypted (its content is then a secret of the run). A wrong or missing password is a LoadException.
     */
    String readControllerFile(Path file) throws IOException {
        byte[] data = secrets.openSecretFile(Files.readAllBytes(file), SourceLocation.of(file));
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data)).toString();
    }

    /**
     * Renders a template file as Ansible's template module does (trim_blocks unless its #jinja2: header says
     * otherwise, the header not written, trailing newlines kept), with
     * {@code ansible_managed}, {@code template_host}, {@code template_path}, {@code template_fullpath},
     * {@code template_uid} and {@code template_mtime} added. Errors name the file and line.
     */
    public String renderTemplateFile(Path template, Map<String, ?> vars) {
        String text;
        try {
            text = readControllerFile(template);
        } catch (IOException e) {
            throw new TemplateException(SourceLocation.of(template), "cannot read template: " + e.getMessage());
        } catch (LoadException e) {
            throw new TemplateException(SourceLocation.of(template), e.problem());
        }
        LazyVars lv = lazyVars(vars).with(TemplateFileVars.of(template));
        try {
            return renderFileText(text, lv);
        } catch (TemplateFailure f) {
            throw new TemplateException(new SourceLocation(template, f.line(), 0), f.getMessage());
        }
    }

    /** A template file's text (template module, lookup('template')): its #jinja2: header applies and is dropped. */
    String renderFileText(String text, LazyVars vars) {
        TemplateHeader header = TemplateHeader.of(text);
        return (String) renderText(header.body(), vars, false, header.trimBlocks(), header.lstripBlocks());
    }

    /** Ansible's convert_data for task values and variables: mixed text spelling a list, dict or bool becomes one. */
    private static Object convertData(Object rendered) {
        return rendered instanceof String s ? PythonLiteral.convert(s) : rendered;
    }

    /** Renders a variable's template for {@link LazyVars}, inside the current render when there is one. */
    Object renderVariable(String text, LazyVars vars, String path) {
        if (RenderSession.current() != null) return convertData(renderText(text, vars, true));
        try {
            return convertData(renderText(text, vars, true));
        } catch (TemplateFailure f) {
            throw new TemplateException(null, "error while rendering variable '" + path + "': " + f.getMessage());
        }
    }

    /** Evaluates a bare Jinja expression (no braces) to its native value. */
    Object evaluateExpression(String expression, LazyVars vars) {
        String expr = NumericAttributes.inExpression(expression);
        return inSession(vars, interpreter -> interpreter.resolveELExpression(expr, 1));
    }

    /**
     * The core render. With {@code nativeSingle}, a text that is exactly one expression gives the expression's
     * value (list, dict, int, bool, None), as Ansible gives for module args and loops.
     */
    Object renderText(String original, LazyVars vars, boolean nativeSingle) {
        return renderText(original, vars, nativeSingle, true, false);
    }

    /** With Jinja's trim_blocks and lstrip_blocks as given (a template file's #jinja2: header sets them). */
    private Object renderText(String original, LazyVars vars, boolean nativeSingle, boolean trimBlocks,
            boolean lstripBlocks) {
        if (original.contains(INTERPRETER_NAME)) {
            throw RenderSession.failure("'" + INTERPRETER_NAME + "' is reserved");
        }
        String text = NumericAttributes.inTemplate(NestedBraces.separate(original));
        if (lstripBlocks) text = LstripBlocks.apply(text); // first: TrimBlocks hides the newlines it looks back to
        if (trimBlocks) text = TrimBlocks.apply(text);
        if (nativeSingle) {
            String expr = singleExpression(text);
            if (expr != null) return SingleExpressionResult.of(expr, evaluateExpression(expr, vars));
        }
        // Jinja2 reads the source as lines joined by \n, which drops one trailing newline and turns \r\n
        // into \n; Ansible then pads the output to the input's count of trailing newlines.
        String source = jinjaSource(text);
        Object out = inSession(vars, interpreter -> interpreter.render(source));
        return keepTrailingNewlines(original, (String) out);
    }

    private interface InterpreterWork {
        Object run(JinjavaInterpreter interpreter);
    }

    private Object inSession(LazyVars vars, InterpreterWork work) {
        RenderSession outer = RenderSession.current();
        RenderSession session = outer != null ? new RenderSession(vars, outer) : new RenderSession(vars, limits);
        Context context = new RenderContext(jinjava.getGlobalContext());
        context.put(RenderSession.CONTEXT_KEY, session);
        context.setDynamicVariableResolver(name -> lookupVariable(vars, name));
        context.setExpressionStrategy(outputStrategy);
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, context, config);
        Object result;
        try (var pushed = JinjavaInterpreter.closeablePushCurrent(interpreter).get()) {
            result = work.run(pushed.value());
        } catch (TemplateFailure f) {
            throw session.record(f);
        } catch (RuntimeException e) {
            // jinjava wraps what a tag's expression threw (e.g. an Undefined's truth value) in its own exceptions
            if (session.firstFailure() != null) throw session.firstFailure();
            throw session.record(new TemplateFailure(JinjavaErrors.describe(e), interpreter.getLineNumber()));
        }
        if (session.firstFailure() != null) throw session.firstFailure();
        for (TemplateError error : interpreter.getErrorsCopy()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL || JinjavaErrors.isFatalForAnsible(error)) {
                throw session.record(new TemplateFailure(JinjavaErrors.describe(error), error.getLineno()));
            }
        }
        if (result instanceof Undefined u) throw new TemplateFailure(u.message(), interpreter.getLineNumber(), true);
        return result;
    }

    /** A name not set by the template itself: the task's variables, then Ansible's globals, else Undefined. */
    private static Object lookupVariable(LazyVars vars, String name) {
        if (vars.containsKey(name)) return vars.get(name); // null is None: jinjava then yields null as well
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter != null && setInTemplate(interpreter.getContext(), name)) return null; // {% set x = none %}
        if (name.equals("omit")) return OMIT;
        if (name.equals("vars")) return vars; // Ansible's vars: every variable of the task, by name
        if (name.equals("None") || name.equals("none")) return null; // Jinja2's None literal
        return Undefined.variable(name);
    }

    private static boolean setInTemplate(Context context, String name) {
        for (Context c = context; c != null; c = c.getParent()) {
            if (c.getScope().containsKey(name)) return true;
        }
        return false;
    }

    /** The expression of a text that is exactly one {{ ... }} and nothing else, or null. */
    private String singleExpression(String text) {
        if (!text.startsWith("{{") || !text.endsWith("}}")) return null;
        TokenScanner scanner = new TokenScanner(text, config);
        String expr = null;
        int count = 0;
        while (scanner.hasNext()) {
            Token t = scanner.next();
            if (t instanceof TextToken tt && tt.getImage().isEmpty()) continue;
            if (++count > 1 || !(t instanceof ExpressionToken et)) return null;
            expr = lstripMarkerRemoved(et);
        }
        return expr;
    }

    /**
     * The token's expression. jinjava's getExpr drops a leading '-' even after a space, so {{ -x }} gave x; in
     * Jinja2 only a '-' right after the braces ({{-x}}) is whitespace control.
     */
    private static String lstripMarkerRemoved(ExpressionToken token) {
        String image = token.getImage();
        if (!image.startsWith("{{") || !image.endsWith("}}")) return token.getExpr();
        String inner = image.substring(2, image.length() - 2);
        if (inner.startsWith("-")) inner = inner.substring(1);
        if (inner.endsWith("-")) inner = inner.substring(0, inner.length() - 1);
        return inner.strip();
    }

    private static String jinjaSource(String text) {
        String s = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Ansible's preserve_trailing_newlines: the output ends with at least as many newlines as the input. */
    private static String keepTrailingNewlines(String in, String out) {
        int want = trailingNewlines(in);
        int have = trailingNewlines(out);
        return want > have ? out + "\n".repeat(want - have) : out;
    }

    private static int trailingNewlines(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) n++;
        return n;
    }

    /** Copies views and jinjava's wrappers into plain LinkedHashMap/ArrayList/String trees for callers. */
    static Object materialize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(materialize(e.getKey()), materialize(e.getValue()));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(materialize(o));
            return out;
        }
        if (v instanceof com.hubspot.jinjava.objects.SafeString s) return s.toString();
        if (v instanceof Undefined u) throw u.fail();
        return v;
    }
}
