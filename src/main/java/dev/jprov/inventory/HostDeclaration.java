package dev.jprov.inventory;

import java.util.List;
import java.util.Optional;

/**
 * The hosts one inventory entry declares, as Ansible's inventory plugins read it: {@code name[:port]} where the
 * name may hold a range ({@code web[01:20]}). An invalid range is an IllegalArgumentException saying why.
 */
record HostDeclaration(List<String> hosts, Optional<Integer> port) {

    static HostDeclaration of(String pattern) {
        Optional<HostAddress> address = HostAddress.parse(pattern);
        String names = address.map(HostAddress::host).orElse(pattern);
        Optional<Integer> port = address.flatMap(HostAddress::port);
        return new HostDeclaration(HostRange.hasRange(names) ? HostRange.expand(names) : List.of(names), port);
    }
}
