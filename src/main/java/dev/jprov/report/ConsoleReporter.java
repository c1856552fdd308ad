package dev.jprov.report;

import dev.jprov.plan.Diff;
import dev.jprov.pyformat.PythonJson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ansible's default output: a banner per play and task, a line per host under it, diffs with -D, the recap.
 * Hosts run ahead of each other, so results are held per task and a task's block is printed once every host
 * still in the play has moved past it: the output reads like ansible-playbook's linear strategy.
 */
public final class ConsoleReporter implements Reporter {
    // Results after "=>" as the default callback prints them: sorted keys, one line, or indent 4 for -vvv.
    private static final PythonJson COMPACT = PythonJson.dumps(null, true, true);
    private static final PythonJson PRETTY = PythonJson.dumps(4, true, true);
    private static final String NO_LOG = "the output has been hidden due to the fact that 'no_log: true' was "
            + "specified for this result";

    private final PrintStream out;
    private final boolean color;
    private final int verbosity;
    private final boolean showDiff;

    private final Set<String> warned = new HashSet<>();
    private final List<Integer> order = new ArrayList<>();
    private final Map<Integer, Block> blocks = new HashMap<>();
    private final Map<String, Integer> hostPosition = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    private int printed;
    private int lastBanner = -1;

    private static final class Block {
        final String title;
        final boolean handler;
        final StringBuilder text = new StringBuilder();
        final List<String> metaHosts = new ArrayList<>();

        Block(String title, boolean handler) {
            this.title = title;
            this.handler = handler;
        }
    }

    public ConsoleReporter(PrintStream out, boolean color, int verbosity, boolean showDiff) {
        this.out = out;
        this.color = color;
        this.verbosity = verbosity;
        this.showDiff = showDiff;
    }

    @Override
    public synchronized void on(Event event) {
        switch (event) {
            case Event.PlayStarted p -> {
                flushAll();
                order.clear();
                blocks.clear();
                hostPosition.clear();
                printed = 0;
                active.clear();
                active.addAll(p.hosts());
                out.println(banner("PLAY [" + p.name() + "]"));
                if (p.hosts().isEmpty()) out.println(paint("skipping: no hosts matched", "0;36"));
            }
            case Event.TaskResult r -> {
                Block b = blocks.get(r.taskKey());
                if (b == null) {
                    b = new Block(r.title(), r.handler());
                    blocks.put(r.taskKey(), b);
                    order.add(r.taskKey());
                }
                int index = order.indexOf(r.taskKey());
                if (index < printed) {
                    // Its block is out already (a host came back to it, e.g. through a rescue): print it now,
                    // under the task's banner again, as Ansible repeats a banner for a task it returns to.
                    if (lastBanner != r.taskKey()) printBanner(r.taskKey());
                    out.print(render(r));
                    out.flush();
                } else {
                    b.text.append(render(r));
                }
                hostPosition.merge(r.host(), index, Math::max);
                flushReady();
            }
            case Event.HostFinished h -> {
                active.remove(h.host());
                flushReady();
            }
            case Event.Warning w -> out.println(paint(wrap("[WARNING]: " + w.message(), 79), "1;35"));
            case Event.MetaRan m -> {
                Block b = blocks.computeIfAbsent(m.taskKey(), k -> {
                    order.add(k);
                    return new Block(m.title(), false);
                });
                // Ansible's Display prints a warning once, however many hosts give it
                // Ansible's linear strategy starts a meta task once per host: a banner each time after the first
                if (!b.metaHosts.isEmpty()) b.text.append(banner("TASK [" + b.title + "]")).append('\n');
                b.metaHosts.add(m.host());
                String warning = m.warning() == null ? "" : paint(wrap("[WARNING]: " + m.warning(), 79), "1;35") + "\n";
                if (warned.add(warning)) b.text.append(warning);
                hostPosition.merge(m.host(), order.indexOf(m.taskKey()), Math::max);
                flushReady();
            }
            case Event.Retrying r -> {
                Block b = blocks.computeIfAbsent(r.taskKey(), k -> {
                    order.add(k);
                    return new Block(r.title(), false);
                });
                b.text.append(paint("FAILED - RETRYING: [" + r.host() + "]: " + r.title() + " ("
                        + r.retriesLeft() + " retries left).", "0;31")).append('\n');
            }
            case Event.RunEnded e -> {
                flushAll();
                out.println(banner("PLAY RECAP"));
                for (Map.Entry<String, Recap.Counts> c : new TreeMap<>(e.recap()).entrySet()) {
                    out.println(recapLine(c.getKey(), c.getValue()));
                }
                out.println();
                if (verbosity > 0) {
                    out.println("jprov: " + e.connections() + " SSH connection(s); round trips after connecting: "
                            + e.roundTrips());
                }
                out.flush();
            }
        }
    }

    private void flushReady() {
        while (printed < order.size()) {
            int index = printed;
            boolean ready = active.stream().allMatch(h -> hostPosition.getOrDefault(h, -1) > index);
            if (!ready) return;
            printBlock(order.get(printed++));
        }
    }

    private void flushAll() {
        while (printed < order.size()) printBlock(order.get(printed++));
        out.flush();
    }

    private void printBlock(int key) {
        printBanner(key);
        out.print(blocks.get(key).text);
        out.flush();
    }

    private void printBanner(int key) {
        Block b = blocks.get(key);
        out.println(banner((b.handler ? "RUNNING HANDLER [" : "TASK [") + b.title + "]"));
        lastBanner = key;
    }

    private String render(Event.TaskResult r) {
        StringBuilder s = new StringBuilder();
        if (!r.noLog() && r.result().get("warnings") instanceof List<?> warnings) {
            // the callback's _handle_warnings: before the result line, each once per run, wrapped as Display does
            for (Object w : warnings) {
                String text = wrap("[WARNING]: " + w, 79);
                if (warned.add(text)) s.append(paint(text, "1;35")).append('\n');
            }
        }
        if ((r.showDiff() != null ? r.showDiff() : showDiff) && !r.noLog()) {
            for (Diff d : r.diffs()) s.append(UnifiedDiff.render(d));
        }
        Map<String, Object> result = r.noLog() ? censored(r.result()) : visible(r.result());
        String item = r.item() == null ? "" : " => (item=" + (r.noLog() ? "None" : r.item()) + ")";
        String host = "[" + r.host() + "]";
        switch (r.status()) {
            case OK, CHANGED, RESCUED -> {
                String colorCode = r.status() == Status.CHANGED ? "0;33" : "0;32";
                String word = r.status() == Status.CHANGED ? "changed" : "ok";
                String line = word + ": " + host + item;
                boolean always = isDebug(r);
                if (verbosity > 0 || always) {
                    // Ansible's callback cleans only debug's results (_clean_results); assert's show whole
                    Map<String, Object> shown = always && r.result().containsKey(DEBUG_VIEW) ? debugView(result)
                            : withoutInternal(result);
                    // Ansible indents only for results that are always shown, or from -vvv on.
                    line += " => " + (always || verbosity > 2 ? PRETTY.write(shown) : COMPACT.write(shown));
                }
                s.append(paint(line, colorCode)).append('\n');
            }
            // Ansible's callback leaves a space after an item label on skipped lines.
            case SKIPPED -> s.append(paint("skipping: " + host + (item.isEmpty() ? "" : item + " "), "0;36"))
                    .append('\n');
            case FAILED, IGNORED -> {
                if (r.item() == null && r.result().containsKey("results")) {
                    // A loop's own result after its items' lines: Ansible prints no line for it but "...ignoring".
                    if (r.status() == Status.IGNORED) s.append(paint("...ignoring", "0;36")).append('\n');
                    return s.toString();
                }
                // _dump_results indents a result that is always shown (assert's), as from -vvv on
                PythonJson json = isDebug(r) || verbosity > 2 ? PRETTY : COMPACT;
                // the callback's _clean_results cleans a failed debug result too (failed_when on a debug)
                Map<String, Object> shown = new LinkedHashMap<>(isDebug(r) && r.result().containsKey(DEBUG_VIEW)
                        ? debugView(result) : result);
                shown.remove("_ansible_verbose_always");
                String line = item.isEmpty()
                        ? "fatal: " + host + ": FAILED! => " + json.write(shown)
                        : "failed: " + host + " (item=" + r.item() + ") => " + json.write(shown);
                s.append(paint(line, "0;31")).append('\n');
                if (r.status() == Status.IGNORED) s.append(paint("...ignoring", "0;36")).append('\n');
            }
            case UNREACHABLE -> s.append(paint("fatal: " + host + ": UNREACHABLE! => " + COMPACT.write(result),
                    "1;31")).append('\n');
        }
        if (verbosity >= 2 && !r.noLog()) {
            for (String cmd : r.commands()) s.append(paint("<" + r.host() + "> " + cmd, "0;34")).append('\n');
        }
        return s.toString();
    }

    /** Set by the debug module: its result is shown as Ansible's callback shows debug's (msg alone, or the var). */
    public static final String DEBUG_VIEW = "_ansible_debug_view";

    /** Python's textwrap.wrap(text, width) joined with newlines: greedy on spaces, long words broken. */
    static String wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    int room = width - line.length() - 1;
                    if (room > 0) {
                        line.append(' ').append(word, 0, room);
                        word = word.substring(room);
                    }
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    lines.add(word.substring(0, width));
                    word = word.substring(width);
                }
            }
            if (line.isEmpty()) {
                line.append(word);
            } else if (line.length() + 1 + word.length() <= width) {
                line.append(' ').append(word);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return String.join("\n", lines);
    }

    private static boolean isDebug(Event.TaskResult r) {
        return r.result().containsKey("_ansible_verbose_always");
    }

    /** What Ansible's callback keeps of a debug result: msg alone, or the variable shown. */
    private static Map<String, Object> debugView(Map<String, Object> result) {
        Map<String, Object> m = withoutInternal(result);
        if (m.containsKey("msg")) {
            m.keySet().retainAll(java.util.Set.of("msg", "exception", "warnings", "deprecations"));
        } else {
            for (String k : List.of("changed", "failed", "skipped", "invocation", "skip_reason")) m.remove(k);
        }
        return m;
    }

    private static Map<String, Object> withoutInternal(Map<String, Object> result) {
        Map<String, Object> m = new LinkedHashMap<>(result);
        m.keySet().removeIf(k -> k.startsWith("_ansible_"));
        if (m.get("diff") != null) m.remove("diff");
        return m;
    }

    private static Map<String, Object> visible(Map<String, Object> result) {
        Map<String, Object> m = new LinkedHashMap<>(result);
        m.keySet().removeIf(k -> k.startsWith("_ansible_") && !k.equals("_ansible_verbose_always"));
        m.remove("diff");
        return m;
    }

    private static Map<String, Object> censored(Map<String, Object> result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("censored", NO_LOG);
        m.put("changed", result.getOrDefault("changed", false));
        return m;
    }

    private String recapLine(String host, Recap.Counts c) {
        String line = c.line(host);
        if (!color) return line;
        String hostColor = c.failed() > 0 || c.unreachable() > 0 ? "0;31" : c.changed() > 0 ? "0;33" : "0;32";
        return paint(String.format("%-37s", host), hostColor).trim().isEmpty() ? line
                : paint(host, hostColor) + line.substring(host.length());
    }

    private String banner(String msg) {
        int stars = Math.max(3, 79 - msg.length());
        return "\n" + msg + " " + "*".repeat(stars);
    }

    private String paint(String text, String code) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
