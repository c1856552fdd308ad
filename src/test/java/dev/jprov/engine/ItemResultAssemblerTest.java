package dev.jprov.engine;

import static dev.jprov.engine.ResultFixtures.TIMED_OUT;
import static dev.jprov.engine.ResultFixtures.changing;
import static dev.jprov.engine.ResultFixtures.command;
import static dev.jprov.engine.ResultFixtures.exit;
import static dev.jprov.engine.ResultFixtures.judged;
import static dev.jprov.engine.ResultFixtures.map;
import static dev.jprov.engine.ResultFixtures.noConditions;
import static dev.jprov.engine.ResultFixtures.ok;
import static dev.jprov.engine.ResultFixtures.reboot;
import static dev.jprov.engine.ResultFixtures.step;
import static dev.jprov.engine.ResultFixtures.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jprov.modules.Planned;
import dev.jprov.modules.StepResult;
import dev.jprov.plan.Action;
import dev.jprov.plan.Change;
import dev.jprov.plan.Diff;
import dev.jprov.plan.Step;
import dev.jprov.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One call's registered result from its plan and what its steps did, key for key and in Ansible's order, with
 * its status, its loop item's label, and the diffs and commands the report shows.
 */
class ItemResultAssemblerTest {
    private static final PreparedCall TASK = PreparedCall.ready(null, null, false, null);
    private static final ChangedFailedWhen NO_CONDITIONS = noConditions();

    /** {@code plan} null: the call has none (skipped, bad arguments). {@code ran}: the results of its steps. */
    record Case(String name, boolean check, ChangedFailedWhen judgement, String loopVar, PreparedCall call,
                Planned plan, List<StepResult> ran, String result, Status status, String label, int diffs) {
        Case(String name, Planned plan, List<StepResult> ran, String result, Status status, int diffs) {
            this(name, false, NO_CONDITIONS, "item", TASK, plan, ran, result, status, null, diffs);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Planned write = changing(map("path", "/etc/motd"), step("a"), step("b"), step("c"));
        return Stream.of(
                new Case("no change: ok", changing(map("path", "/etc/motd")), List.of(),
                        "{path=/etc/motd, changed=false, failed=false}", Status.OK, 0),
                new Case("its steps ran: changed", write, List.of(ok(), ok(), ok()),
                        "{path=/etc/motd, changed=true, failed=false}", Status.CHANGED, 1),
                new Case("the middle step failed: its message and rc", write, List.of(ok(), exit(1, "", "denied")),
                        "{path=/etc/motd, rc=1, msg=denied, changed=true, failed=true}", Status.FAILED, 1),
                new Case("a step did not run", write, List.of(ok()),
                        "{path=/etc/motd, msg=step did not run: b, changed=true, failed=true}", Status.FAILED, 1),
                new Case("a reboot that did not come back: no rc, not changed",
                        Planned.of(List.of(new Change(Action.RUN, "reboot", Diff.NONE,
                                List.of(reboot()), List.of())), map()),
                        List.of(exit(Step.Reboot.TIMED_OUT, "600", TIMED_OUT)),
                        "{msg=" + TIMED_OUT + ", changed=false, failed=true}", Status.FAILED, 0),
                new Case("afterApply reads the step results", command("uptime"), List.of(exit(0, "up 3 days\n", "")),
                        "{cmd=uptime, rc=0, stdout=up 3 days, changed=true, failed=false}", Status.CHANGED, 0),
                new Case("afterApply fails it on the step's rc", command("false"), List.of(exit(1, "", "")),
                        "{cmd=false, rc=1, stdout=, msg=non-zero return code, failed=true, changed=true}",
                        Status.FAILED, 0),
                new Case("changed_when/failed_when judge the register name", false,
                        judged(when("out.rc == 0"), when("out.rc != 2"), "out", Map.of()), "item", TASK,
                        command("grep x f"), List.of(exit(2, "", "")),
                        "{cmd=grep x f, rc=2, stdout=, msg=non-zero return code, changed=false,"
                                + " failed_when_result=false, failed=false}", Status.OK, null, 0),
                new Case("check mode: planned, nothing ran, changed", true, NO_CONDITIONS, "item", TASK,
                        changing(map("path", "/etc/motd", "ansible_check_mode", true), step("a")), List.of(),
                        "{path=/etc/motd, changed=true, failed=false}", Status.CHANGED, null, 1),
                new Case("a module's failed: false goes", Planned.ok(map("failed", false)), List.of(),
                        "{changed=false}", Status.OK, 0),
                new Case("the plan failed", Planned.failed("no such user", map("name", "bob")), List.of(),
                        "{name=bob, msg=no such user, changed=false, failed=true}", Status.FAILED, 0),
                new Case("the plan skipped", new Planned(Planned.Outcome.SKIPPED, List.of(),
                                map("msg", "nothing to do", "skipped", true), Planned.AfterApply.KEEP), List.of(),
                        "{msg=nothing to do, skipped=true, changed=false, failed=false}", Status.SKIPPED, 0),
                new Case("a loop item: its var, and its label", false, NO_CONDITIONS, "pkg",
                        PreparedCall.ready("nginx", "nginx-label", true, null), changing(map()), List.of(),
                        "{changed=false, failed=false, pkg=nginx, ansible_loop_var=pkg}", Status.OK, "nginx-label",
                        0),
                new Case("a loop item its when: skipped", false, NO_CONDITIONS, "item",
                        PreparedCall.skip("a", "a", true), null, List.of(),
                        "{changed=false, skipped=true, skip_reason=Conditional result was False, item=a,"
                                + " ansible_loop_var=item}", Status.SKIPPED, "a", 0),
                new Case("bad arguments", false, NO_CONDITIONS, "item",
                        PreparedCall.failed(null, null, false, "unsupported parameter: x"), null, List.of(),
                        "{changed=false, msg=unsupported parameter: x}", Status.FAILED, null, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assembles(Case c) {
        List<Step> steps = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        if (c.plan() != null) {
            for (Change ch : c.plan().changes()) steps.addAll(ch.steps());
            for (Step s : steps) commands.add(s.display());
        }
        ItemResult item = new ItemResultAssembler(c.check(), c.judgement(), c.loopVar())
                .assemble(c.call(), c.plan(), steps, c.ran());
        assertEquals(c.result(), item.result().toString());
        assertEquals(c.status(), item.status());
        assertEquals(c.label(), item.label());
        assertEquals(c.diffs(), item.diffs().size());
        assertEquals(commands, item.commands());
    }

    @Test
    void aTaskSkippedByWhenNeverPlanned() {
        ItemResult item = new ItemResultAssembler(false, NO_CONDITIONS, "item").skippedTask();
        assertEquals("{changed=false, skip_reason=Conditional result was False}", item.result().toString());
        assertEquals(Status.SKIPPED, item.status());
    }
}
