package dev.jprov.modules.registry;

import dev.jprov.modules.ArgsException;
import dev.jprov.modules.Module;
import dev.jprov.modules.commands.CommandModule;
import dev.jprov.modules.commands.RawModule;
import dev.jprov.modules.control.AssertModule;
import dev.jprov.modules.control.DebugModule;
import dev.jprov.modules.control.FailModule;
import dev.jprov.modules.control.SetFactModule;
import dev.jprov.modules.files.BlockInFileModule;
import dev.jprov.modules.files.CopyModule;
import dev.jprov.modules.files.FileModule;
import dev.jprov.modules.files.LineInFileModule;
import dev.jprov.modules.files.StatModule;
import dev.jprov.modules.files.TemplateModule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules a task may name, by short name and by FQCN (ansible.builtin.copy). One list in one place;
 * domain modules (jails, zfs, pf ...) are added with {@link #with}. In a package of its own, above the modules'
 * API and their domain packages, because it names every module: in the API package it made the API and each
 * domain package depend on each other.
 */
public final class ModuleRegistry {
    private final Map<String, Module> byName;

    private ModuleRegistry(Map<String, Module> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The generic modules of Ansible's builtin collection that jprov implements. */
    public static List<Module> builtinModules() {
        return List.of(CommandModule.command(), CommandModule.shell(), new RawModule(),
                new dev.jprov.modules.commands.AsyncStatusModule(), new FileModule(),
                new CopyModule(), new TemplateModule(), new LineInFileModule(), new BlockInFileModule(),
                new StatModule(), new dev.jprov.modules.files.TempfileModule(), new DebugModule(), new SetFactModule(), new AssertModule(), new FailModule(),
                new dev.jprov.modules.control.AddHostModule(), new dev.jprov.modules.control.GroupByModule(),
                new dev.jprov.modules.control.RebootModule(), new dev.jprov.modules.control.SetupModule(),
                new dev.jprov.modules.freebsd.ZfsModule(),
                new dev.jprov.modules.freebsd.ZfsSnapshotModule(),
                new dev.jprov.modules.freebsd.SysrcModule(),
                new dev.jprov.modules.freebsd.PkgModule(),
                new dev.jprov.modules.freebsd.ServiceModule(),
                new dev.jprov.modules.freebsd.FreebsdUpdateModule(),
                new dev.jprov.modules.freebsd.JailFactsModule(),
                new dev.jprov.modules.freebsd.JailModule(),
                new dev.jprov.modules.freebsd.DevfsRulesetModule(),
                new dev.jprov.modules.freebsd.RctlModule(),
                new dev.jprov.modules.freebsd.PfModule(),
                new dev.jprov.modules.freebsd.FreebsdBaseModule(),
                new dev.jprov.modules.system.CronModule(),
                new dev.jprov.modules.system.CronvarModule(),
                new dev.jprov.modules.system.TimezoneModule(),
                new dev.jprov.modules.control.PauseModule(),
                new dev.jprov.modules.accounts.UserModule(),
                new dev.jprov.modules.accounts.GroupModule(),
                new dev.jprov.modules.accounts.AuthorizedKeyModule(),
                new dev.jprov.modules.accounts.GetentModule(),
                new dev.jprov.modules.files.ReplaceModule(),
                new dev.jprov.modules.files.IniFileModule(),
                new dev.jprov.modules.files.FindModule(),
                new dev.jprov.modules.control.IncludeVarsModule(),
                new dev.jprov.modules.freebsd.SysctlModule(),
                new dev.jprov.modules.freebsd.MountModule(),
                new dev.jprov.modules.files.GetUrlModule(),
                new dev.jprov.modules.files.UnarchiveModule(),
                new dev.jprov.modules.freebsd.PackageModule(),
                new dev.jprov.modules.freebsd.ZpoolModule(),
                new dev.jprov.modules.freebsd.ZfsFactsModule(),
                new dev.jprov.modules.freebsd.ZpoolFactsModule(),
                new dev.jprov.modules.freebsd.PortinstallModule());
    }

    public static ModuleRegistry builtin() {
        return of(builtinModules());
    }

    public static ModuleRegistry of(Collection<? extends Module> modules) {
        Map<String, Module> map = new LinkedHashMap<>();
        for (Module m : modules) {
            for (String name : m.names()) {
                Module old = map.putIfAbsent(name, m);
                if (old != null && old != m) {
                    throw new IllegalArgumentException("module name " + name + " registered twice");
                }
            }
        }
        return new ModuleRegistry(map);
    }

    public ModuleRegistry with(Collection<? extends Module> more) {
        List<Module> all = new ArrayList<>(new java.util.LinkedHashSet<>(byName.values()));
        all.addAll(more);
        return of(all);
    }

    public Optional<Module> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The module a task names; unknown names get Ansible's message. */
    public Module get(String name) {
        return find(name).orElseThrow(() -> new ArgsException("couldn't resolve module/action '" + name
                + "'. This often indicates a misspelling, missing collection, or incorrect module path."));
    }

    public boolean isModule(String name) {
        return byName.containsKey(name);
    }
}
