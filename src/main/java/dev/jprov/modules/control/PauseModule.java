package dev.jprov.modules.control;

import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.BypassesHostLoop;
import dev.jprov.modules.ControllerPause;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ansible 2.14's pause action (lib/ansible/plugins/action/pause.py): waits {@code seconds} or {@code minutes} on
 * the controller, once per play. jprov reads no input, so a pause that would wait for the Enter key (no seconds
 * or minutes) is refused with an error; Ansible without a terminal warns and goes on at once, which would let a
 * confirmation gate pass unanswered. A prompt with a duration is shown and the wait is the duration.
 */
public final class PauseModule implements BypassesHostLoop {
    private static final DateTimeFormatter PYTHON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    @Override
    public List<String> names() {
        return List.of("pause", "ansible.builtin.pause");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        boolean echo = args.bool("echo", true);
        Optional<Long> minutes = args.integer("minutes");
        Optional<Long> seconds = args.integer("seconds");
        Optional<String> prompt = args.string("prompt");
        args.finish();
        if (minutes.isPresent() && seconds.isPresent()) {
            throw new ArgsException("parameters are mutually exclusive: minutes|seconds");
        }
        if (minutes.isEmpty() && seconds.isEmpty()) {
            throw new ArgsException("pause: waiting for input" + prompt.map(p -> " ('" + p + "')").orElse("")
                    + " needs an interactive terminal, and jprov reads no input from one: give seconds or minutes,"
                    + " or a variable (vars_prompt is not supported either)");
        }
        long wait = minutes.map(m -> m * 60).orElseGet(seconds::get);
        // as Ansible: anything under a second waits a second
        return new Pause(Duration.ofSeconds(Math.max(1, wait)), minutes.isPresent(), echo);
    }

    record Pause(Duration length, boolean inMinutes, boolean echo) implements ControllerPause {
        @Override
        public Planned paused(LocalDateTime start, LocalDateTime stop, Duration elapsed) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("changed", false);
            r.put("rc", 0);
            r.put("stderr", "");
            double secs = elapsed.toNanos() / 1e9;
            r.put("stdout", "Paused for " + pythonRound(inMinutes ? secs / 60.0 : secs) + " "
                    + (inMinutes ? "minutes" : "seconds"));
            r.put("start", start.format(PYTHON_DATETIME));
            r.put("stop", stop.format(PYTHON_DATETIME));
            r.put("delta", elapsed.toSeconds());
            r.put("echo", echo);
            r.put("user_input", "");
            return Planned.ok(r);
        }

        /** round(x, 2) as Python prints it: at least one decimal, no trailing zeros beyond it. */
        static String pythonRound(double x) {
            BigDecimal d = BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
            if (d.scale() < 1) d = d.setScale(1, RoundingMode.UNNECESSARY);
            return d.toPlainString();
        }
    }
}
