package dev.jprov;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A table of allowed package arrows under a root package, and the ArchUnit rules it makes. A class belongs to
 * the longest table key that is its package or a parent of it ({@code engine.script} is {@code engine}, while
 * {@code modules.files} is its own key). The same rules check jprov ({@code dev.jprov}) and the test's
 * fixture ({@code dev.jprov.archfixture}), which is how the test shows they catch a backward arrow.
 *
 * @param allowed key (relative to the root) to the keys its classes may use
 * @param libraryOwners library package (ArchUnit syntax, "picocli..") to the one key that may use it
 */
record PackageArrows(String root, Map<String, Set<String>> allowed, Map<String, String> libraryOwners) {

    /** The key a package belongs to, if any. */
    Optional<String> keyOf(String packageName) {
        if (!packageName.equals(root) && !packageName.startsWith(root + ".")) return Optional.empty();
        String relative = packageName.equals(root) ? "" : packageName.substring(root.length() + 1);
        String best = null;
        for (String key : allowed.keySet()) {
            boolean inside = relative.equals(key) || relative.startsWith(key + ".");
            if (inside && (best == null || key.length() > best.length())) best = key;
        }
        return Optional.ofNullable(best);
    }

    Optional<String> keyOf(JavaClass c) {
        return keyOf(c.getBaseComponentType().getPackageName());
    }

    /** Every dependency between two keys is an arrow of the table; each other one is reported as "from -> to: how". */
    ArchRule onlyTableArrows() {
        return classes().that().resideInAPackage(root + "..").should(new ArchCondition<>("use only the packages "
                + "the table allows") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> from = keyOf(origin);
                if (from.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(origin, "(no key) " + origin.getName()
                            + " is in no package of the table"));
                    return;
                }
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> to = keyOf(d.getTargetClass());
                    if (to.isEmpty() || to.equals(from) || allowed.get(from.get()).contains(to.get())) continue;
                    events.add(SimpleConditionEvent.violated(d, from.get() + " -> " + to.get() + ": "
                            + d.getDescription()));
                }
            }
        }).allowEmptyShould(false);
    }

    /** No cycles between top-level packages (modules with its subpackages), nor between any two packages. */
    ArchRule noCycles() {
        return CompositeArchRule.of(SlicesRuleDefinition.slices().matching(root + ".(*)..").should().beFreeOfCycles())
                .and(SlicesRuleDefinition.slices().matching(root + ".(**)").should().beFreeOfCycles());
    }

    /** Each library is used by its one owner (the README: "the only user of jinjava"). */
    ArchRule librariesOnlyInTheirOwner() {
        List<ArchRule> rules = new ArrayList<>();
        libraryOwners.forEach((library, owner) -> rules.add(noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage(root + "." + owner + "..")
                .should().dependOnClassesThat().resideInAPackage(library)
                .as(library + " is used by " + owner + " only").allowEmptyShould(true)));
        return CompositeArchRule.of(rules);
    }

    /** Keys the table's own arrows lead back to: none, or the rule would admit a cycle. */
    List<String> cycleThroughTable() {
        for (String start : allowed.keySet()) {
            List<String> path = new ArrayList<>(List.of(start));
            if (reaches(start, start, path)) return path;
        }
        return List.of();
    }

    private boolean reaches(String from, String target, List<String> path) {
        for (String next : allowed.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                path.add(next);
                return true;
            }
            if (path.contains(next)) continue;
            path.add(next);
            if (reaches(next, target, path)) return true;
            path.remove(path.size() - 1);
        }
        return false;
    }
}
