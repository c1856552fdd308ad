package dev.jprov.modules.freebsd;

import dev.jprov.facts.Facts;
import dev.jprov.facts.Probe;
import dev.jprov.facts.SystemFacts;
import dev.jprov.modules.Args;
import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Invocation;
import dev.jprov.modules.Module;
import dev.jprov.modules.ModuleContext;
import dev.jprov.modules.Planned;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ansible.builtin.package, as its action plugin (lib/ansible/plugins/action/package.py) runs it: {@code use}
 * names the package manager module, {@code auto} (the default) takes it from the {@code ansible_facts.pkg_mgr}
 * fact, which is {@code pkgng} on FreeBSD (module_utils/facts/system/pkg_mgr.py). The other arguments go to that
 * module unchanged, so the call is exactly community.general.pkgng's: the same checks, plan and result.
 * <p>Without gathered facts Ansible runs setup for {@code ansible_pkg_mgr} first; here the host's fact probe joins
 * the pkg probes and the manager is decided when planning. jprov has pkgng only: any other manager is refused with
 * the action plugin's message for a module it cannot find.
 */
public final class PackageModule implements Module {
    static final String NAME = "package";
    /** The names under which {@code use} selects the pkgng module (the action plugin resolves them alike). */
    private static final Set<String> PKGNG = Set.of("pkgng", "community.general.pkgng", "ansible.legacy.pkgng");

    private final PkgModule pkgng = new PkgModule();

    @Override
    public List<String> names() {
        return List.of(NAME, "ansible.builtin.package", "ansible.legacy.package");
    }

    @Override
    public Invocation prepare(Args args, ModuleContext context) {
        String use = args.string("use", "auto");
        Map<String, Object> rest = new LinkedHashMap<>(args.raw());
        rest.remove("use");
        if (!use.equals("auto")) return pkgng(use, rest, context);
        Optional<String> fact = context.expression("ansible_facts.pkg_mgr").map(String::valueOf);
        if (fact.isPresent() && !fact.get().equals("auto")) return pkgng(fact.get(), rest, context);
        Invocation call = pkgng.prepare(new Args("community.general.pkgng", rest), context);
        return new Undecided(call);
    }

    private Invocation pkgng(String manager, Map<String, Object> rest, ModuleContext context) {
        if (!PKGNG.contains(manager)) throw new ArgsException(notFound(manager));
        return pkgng.prepare(new Args("community.general.pkgng", rest), context);
    }

    /** The action plugin's AnsibleActionFail, and why here. */
    static String notFound(String manager) {
        return "Could not find a module for " + manager + ". (jprov's package runs pkgng, FreeBSD's package manager)";
    }

    /** No pkg_mgr fact yet: the host's facts are probed with pkg's, and say which manager plans. */
    record Undecided(Invocation pkgng) implements Invocation {
        @Override
        public List<Probe> probes() {
            List<Probe> all = new ArrayList<>();
            all.add(SystemFacts.PROBE);
            all.addAll(pkgng.probes());
            return all;
        }

        @Override
        public Planned plan(Facts facts) {
            Object manager = SystemFacts.parse(facts.get(SystemFacts.PROBE)).get("ansible_pkg_mgr");
            if (manager == null) {
                return Planned.failed("Could not detect which package manager to use. Try gathering facts or "
                        + "setting the \"use\" option.", Map.of());
            }
            if (!PKGNG.contains(manager.toString())) return Planned.failed(notFound(manager.toString()), Map.of());
            return pkgng.plan(facts);
        }
    }
}
