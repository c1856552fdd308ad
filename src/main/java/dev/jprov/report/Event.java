package dev.jprov.report;

import dev.jprov.plan.Diff;
import java.util.List;
import java.util.Map;

/** What the executor tells reporters. Every reporter sees every event, in order per host. */
public sealed interface Event permits Event.PlayStarted, Event.TaskResult, Event.HostFinished,
        Event.RunEnded, Event.Warning, Event.Retrying, Event.MetaRan {

    record PlayStarted(String name, List<String> hosts, boolean check) implements Event {}

    /**
     * One task (or one loop item) on one host. {@code taskKey} identifies the task in the play in the order it
     * was first reached; {@code title} is what Ansible prints in the TASK banner ("role : name").
     * {@code commands} are the steps that ran or, in check mode, would run. {@code noLog} hides result and diffs.
     * {@code showDiff}: the task's diff mode (its {@code diff:} keyword over -D), or null for the run's.
     */
    record TaskResult(String host, int taskKey, String title, boolean handler, Status status, String item,
                      String message, List<Diff> diffs, List<String> commands, Map<String, Object> result,
                      boolean noLog, Boolean showDiff) implements Event {

        /** A result whose diffs show as the run's -D says. */
        public TaskResult(String host, int taskKey, String title, boolean handler, Status status, String item,
                          String message, List<Diff> diffs, List<String> commands, Map<String, Object> result,
                          boolean noLog) {
            this(host, taskKey, title, handler, status, item, message, diffs, commands, result, noLog, null);
        }
    }

    /** A host is done with the play (finished, failed or unreachable): it will report no more tasks in it. */
    record HostFinished(String host) implements Event {}

    /** The run is over: the recap, and per host the round trips made after connecting, and connections opened. */
    record RunEnded(Map<String, Recap.Counts> recap, Map<String, Integer> roundTrips, int connections)
            implements Event {}

    record Warning(String message) implements Event {}

    /**
     * A meta: task ({@code title}: its name, or "meta") ran on a host; Ansible prints its banner with no result line under it, and the warning (if
     * any, else null) that running it gave.
     */
    record MetaRan(String host, int taskKey, String title, String warning) implements Event {}

    /** An until: loop will try the task again. */
    record Retrying(String host, int taskKey, String title, int retriesLeft) implements Event {}
}
