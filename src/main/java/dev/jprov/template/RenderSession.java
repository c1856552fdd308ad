package dev.jprov.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.nio.file.Path;
import java.util.List;

/**
 * State of one top-level render, shared by the nested renders of lazy variables: the variables, the deadline,
 * the local search paths for lookups and includes, and the first failure (jinjava swallows exceptions thrown
 * inside expressions into its error list and goes on, so the failure is remembered here and rethrown).
 * It travels in the jinjava context under a key no template identifier can spell.
 */
final class RenderSession {
    static final String CONTEXT_KEY = "jprov:session";

    private final LazyVars vars;
    private final long deadlineNanos;
    private final RenderLimits limits;
    private TemplateFailure firstFailure;

    RenderSession(LazyVars vars, RenderLimits limits) {
        this.vars = vars;
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.timeout().toNanos();
    }

    /** A nested render (a lazily rendered variable): its own failures, the outer render's deadline. */
    RenderSession(LazyVars vars, RenderSession outer) {
        this.vars = vars;
        this.limits = outer.limits;
        this.deadlineNanos = outer.deadlineNanos;
    }

    LazyVars vars() {
        return vars;
    }

    RenderLimits limits() {
        return limits;
    }

    /** Directories searched by lookup('file')/lookup('template') and {% include %}, Ansible's order. */
    List<Path> searchPaths(String subdir) {
        return vars.searchPaths(subdir);
    }

    /** Time left before the render's deadline (negative once past it). */
    long remainingNanos() {
        return deadlineNanos - System.nanoTime();
    }

    void checkDeadline() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw record(new TemplateFailure("template rendering took longer than "
                    + limits.timeout().toSeconds() + " s; stopped", currentLine()));
        }
    }

    TemplateFailure record(TemplateFailure failure) {
        if (firstFailure == null) firstFailure = failure;
        return failure;
    }

    /** A failure that was handled after all (a lookup with errors='ignore') no longer fails the render. */
    static void forget(TemplateFailure failure) {
        RenderSession s = current();
        if (s != null && s.firstFailure == failure) s.firstFailure = null;
    }

    TemplateFailure firstFailure() {
        return firstFailure;
    }

    /** The session of the render running on this thread, or null outside a render. */
    static RenderSession current() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter == null) return null;
        return of(interpreter.getContext());
    }

    static RenderSession of(Context context) {
        Object s = context.get(CONTEXT_KEY);
        return s instanceof RenderSession rs ? rs : null;
    }

    static int currentLine() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        return interpreter == null ? 0 : interpreter.getLineNumber();
    }

    /** A failure at the current template line, remembered by the current session so it is not swallowed. */
    static TemplateFailure failure(String message) {
        return failure(message, false);
    }

    static TemplateFailure failure(String message, boolean undefined) {
        TemplateFailure f = new TemplateFailure(message, currentLine(), undefined);
        RenderSession s = current();
        return s == null ? f : s.record(f);
    }
}
