package dev.jprov.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;

/** Prints {{ expr }} as Python's str() does (True, ['a', None]) and fails on an Undefined instead of printing "". */
final class PythonOutputStrategy implements ExpressionStrategy {
    private static final long serialVersionUID = 1L;

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken master, JinjavaInterpreter interpreter) {
        Object value = interpreter.resolveELExpression(master.getExpr(), master.getLineNumber());
        if (value instanceof Undefined u) throw u.fail();
        // Ansible's finalize: a bare None prints as nothing (inside a list or dict it is still None)
        return new RenderedOutputNode(value == null ? "" : PythonRepr.str(value));
    }
}
