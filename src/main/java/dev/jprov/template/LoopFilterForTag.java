package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.ElseTag;
import com.hubspot.jinjava.lib.tag.ForTag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import com.hubspot.jinjava.tree.parse.TagToken;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * jinjava's for tag made Jinja2's: the loop filter {@code {% for u in users if u.enabled %}} (jinjava reads
 * "users if u.enabled" as an inline if), {@code {% else %}} for an empty loop, and Python's iteration
 * (characters of a string, keys of a dict, an error for None). Items are filtered before the loop starts, so
 * loop.index and loop.length count only the kept items, as in Jinja2.
 */
final class LoopFilterForTag extends ForTag {
    private static final long serialVersionUID = 1L;

    @Override
    public String interpretUnchecked(TagNode tagNode, JinjavaInterpreter interpreter) {
        var varsAndExpression = getLoopVarsAndExpression((TagToken) tagNode.getMaster());
        List<String> loopVars = varsAndExpression.getLeft();
        String expression = varsAndExpression.getRight().strip();
        if (expression.endsWith(" recursive")) {
            throw RenderSession.failure("recursive for loops are not supported");
        }
        int at = topLevelIf(expression);
        String iterable = at < 0 ? expression : expression.substring(0, at);
        String condition = at < 0 ? null : expression.substring(at + 4);
        Object collection = interpreter.resolveELExpression(iterable, tagNode.getLineNumber());
        // Python's iteration: a string gives its characters, a dict its keys, None and Undefined fail
        List<Object> kept = new ArrayList<>();
        for (Object item : PythonMethods.iterable(collection)) {
            if (condition == null || passes(interpreter, loopVars, item, condition, tagNode.getLineNumber())) {
                kept.add(item);
            }
        }
        List<Node> children = tagNode.getChildren();
        int elseAt = -1;
        for (int i = 0; i < children.size() && elseAt < 0; i++) {
            if (children.get(i) instanceof TagNode t && t.getTag() instanceof ElseTag) elseAt = i;
        }
        if (elseAt < 0) return renderForCollection(tagNode, interpreter, loopVars, kept);
        if (kept.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (Node n : children.subList(elseAt + 1, children.size())) sb.append(n.render(interpreter));
            return sb.toString();
        }
        // Jinja2's for-else: jinjava renders {% else %} inside every iteration, so loop over the body alone
        TagNode body = new TagNode(this, (TagToken) tagNode.getMaster(), tagNode.getSymbols());
        body.setChildren(new LinkedList<>(children.subList(0, elseAt)));
        return renderForCollection(body, interpreter, loopVars, kept);
    }

    @SuppressWarnings("try")
    private static boolean passes(JinjavaInterpreter interpreter, List<String> vars, Object item, String condition, int line) {
        try (var scope = interpreter.enterScope()) {
            bind(interpreter, vars, item);
            return PythonTypeConverter.truthy(interpreter.resolveELExpression(condition, line));
        }
    }

    private static void bind(JinjavaInterpreter interpreter, List<String> vars, Object item) {
        if (vars.size() == 1) {
            interpreter.getContext().put(vars.get(0), item);
            return;
        }
        List<?> parts = item instanceof Map.Entry<?, ?> e ? java.util.Arrays.asList(e.getKey(), e.getValue())
                : item instanceof List<?> l ? l : List.of();
        for (int i = 0; i < vars.size(); i++) interpreter.getContext().put(vars.get(i), i < parts.size() ? parts.get(i) : null);
    }

    /** Index of the first " if " outside quotes and brackets, or -1. */
    static int topLevelIf(String s) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && s.startsWith(" if ", i)) {
                return i;
            }
        }
        return -1;
    }
}
