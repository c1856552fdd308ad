package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;

/** Jinja2's filter block, {@code {% filter upper %}...{% endfilter %}}, which jinjava lacks. */
final class FilterBlockTag implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return "filter";
    }

    @Override
    public String getEndTagName() {
        return "endfilter";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
        StringBuilder body = new StringBuilder();
        for (Node child : tagNode.getChildren()) body.append(child.render(interpreter));
        String chain = tagNode.getHelpers().strip();
        // the rendered block goes in as a string literal, so nothing in it is evaluated again
        String literal = "'" + body.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        Object out = interpreter.resolveELExpression(literal + " | " + chain, tagNode.getLineNumber());
        if (out instanceof Undefined u) throw u.fail();
        return out == null ? "" : PythonRepr.str(out);
    }
}
