package dev.jprov;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of the README's Design section ("Packages: cli → run → ..."), checked over the compiled
 * classes with ArchUnit, so every kind of dependency counts: imports, calls, fields, signatures, annotations.
 * The table below is the one place they are written; the README's sentence says the same in words. A new
 * arrow needs a line here, and a line here needs a reason: the table must stay free of cycles.
 *
 * <p>The rules are shown to fail on the fixture in dev.jprov.archfixture (test classes, imported on their own):
 * there a lower package uses a higher one.
 */
class ArchitectureTest {

    /** Package (below dev.jprov) to the packages its classes may use. source, pyformat and pyregex are leaf utilities. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("cli", Set.of("run")),
            entry("run", Set.of("engine", "playbook", "inventory", "template", "modules.registry", "report", "pyformat",
                    "transport", "source", "vault")),
            entry("engine", Set.of("modules", "facts", "plan", "transport", "playbook", "report", "source")),
            entry("playbook", Set.of("source")),
            entry("inventory", Set.of("source", "pyformat")),
            entry("template", Set.of("plan", "source", "pyformat", "pyregex")),
            // The module catalogue names every module; the domain packages implement the modules' API.
            entry("modules.registry", Set.of("modules", "modules.commands", "modules.control", "modules.files",
                    "modules.freebsd", "modules.system", "modules.accounts")),
            entry("modules.commands", Set.of("modules", "facts", "plan", "pyformat")),
            entry("modules.control", Set.of("modules", "facts", "plan")),
            entry("modules.files", Set.of("modules", "facts", "plan", "pyformat", "pyregex")),
            entry("modules.system", Set.of("modules", "facts", "plan", "pyformat")),
            entry("modules.accounts", Set.of("modules", "facts", "plan", "pyformat", "pyregex")),
            entry("modules.freebsd", Set.of("modules", "facts", "plan", "pyformat")),
            entry("modules", Set.of("facts", "plan")),
            entry("report", Set.of("plan", "pyformat")),
            entry("transport", Set.of("plan")),
            // ansible-vault: crypto and password sources; it implements source.Secrets for the loaders.
            entry("vault", Set.of("source")),
            entry("plan", Set.of("facts")),
            entry("facts", Set.of()),
            entry("source", Set.of()),
            entry("pyformat", Set.of()),
            entry("pyregex", Set.of()));

    /** Libraries that one package wraps for all the others. */
    static final Map<String, String> LIBRARY_OWNERS = Map.of(
            "com.hubspot.jinjava..", "template",
            "io.burt.jmespath..", "template",
            "inet.ipaddr..", "template",
            "net.schmizz..", "transport",
            "com.hierynomus..", "transport",
            "picocli..", "cli");

    private static final PackageArrows JPROV = new PackageArrows("dev.jprov", ALLOWED, LIBRARY_OWNERS);
    private static final PackageArrows FIXTURE = new PackageArrows("dev.jprov.archfixture", ALLOWED, LIBRARY_OWNERS);

    // Immutable once imported. Read from the class directories rather than found on the class path, which
    // would scan every jar for the package.
    private static final JavaClasses MAIN_CLASSES = importDirectory(classDirectory(dev.jprov.cli.Main.class));
    private static final JavaClasses FIXTURE_CLASSES = importDirectory(
            classDirectory(dev.jprov.archfixture.transport.FixtureSpec.class).resolve("dev/jprov/archfixture"));

    private static JavaClasses importDirectory(Path directory) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_PACKAGE_INFOS)
                .importPath(directory);
    }

    private static Path classDirectory(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void packagesUseOnlyTheArrowsOfTheTable() {
        JPROV.onlyTableArrows().check(MAIN_CLASSES);
    }

    @Test
    void noPackageCycles() {
        JPROV.noCycles().check(MAIN_CLASSES);
    }

    @Test
    void librariesStayInTheirPackage() {
        JPROV.librariesOnlyInTheirOwner().check(MAIN_CLASSES);
    }

    @Test
    void theTableHasNoCycleAndNamesEveryPackage() {
        assertEquals(List.of(), JPROV.cycleThroughTable(), "a cycle in the table");
        Set<String> used = new TreeSet<>();
        for (JavaClass c : MAIN_CLASSES) {
            assertTrue(JPROV.keyOf(c).isPresent(), () -> c.getName() + " is in no package of the table");
            used.add(JPROV.keyOf(c).orElseThrow());
        }
        assertEquals(new TreeSet<>(ALLOWED.keySet()), used, "table keys without classes, or classes without a key");
    }

    @Test
    void aBackwardArrowIsReported() {
        EvaluationResult result = FIXTURE.onlyTableArrows().evaluate(FIXTURE_CLASSES);
        Set<String> arrows = result.getFailureReport().getDetails().stream()
                .map(d -> d.substring(0, d.indexOf(':'))).collect(Collectors.toCollection(TreeSet::new));
        // facts.BackwardProbe uses modules; inventory.FixtureHost uses transport (as inventory once did).
        assertEquals(Set.of("facts -> modules", "inventory -> transport"), arrows, result.getFailureReport()::toString);
    }

    @Test
    void aCycleIsReported() {
        EvaluationResult result = FIXTURE.noCycles().evaluate(FIXTURE_CLASSES);
        String report = result.getFailureReport().toString();
        assertTrue(result.hasViolation(), "no cycle found in the fixture");
        assertTrue(report.contains("facts") && report.contains("modules"), report);
        assertFalse(report.contains("inventory"), report); // a backward arrow without a cycle is not a cycle
    }

    @Test
    void aLibraryOutsideItsOwnerIsReported() {
        EvaluationResult result = FIXTURE.librariesOnlyInTheirOwner().evaluate(FIXTURE_CLASSES);
        String report = result.getFailureReport().toString();
        assertTrue(result.hasViolation(), "picocli outside cli not found");
        for (String detail : result.getFailureReport().getDetails()) {
            assertTrue(detail.contains("archfixture.report.PicocliInReport") && detail.contains("<picocli."), report);
        }
    }
}
