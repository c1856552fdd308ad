package dev.jprov.template;

import com.hubspot.jinjava.Jinjava;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs Ansible's filters, replacing jinjava's same-named ones, whose semantics differ from Jinja2's
 * (printing, undefined handling, argument names, sort order).
 */
final class AnsibleFilters {
    private AnsibleFilters() {}

    static List<AnsibleFilter> all() {
        List<AnsibleFilter> all = new ArrayList<>();
        all.addAll(ValueFilters.all());
        all.addAll(TextFilters.all());
        all.addAll(RegexFilters.all());
        all.addAll(CollectionFilters.all());
        all.addAll(new JsonQuery().filters());
        all.add(ProductFilter.filter());
        all.addAll(IpFilters.all());
        return all;
    }

    static void registerAll(Jinjava jinjava) {
        for (AnsibleFilter f : all()) jinjava.registerFilter(f);
    }
}
