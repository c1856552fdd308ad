package dev.jprov.playbook;

import java.util.List;

/** until / retries / delay. retries and delay are numbers or template text (Ansible's defaults: 3 and 5). */
public record Until(List<Condition> conditions, Object retries, Object delay) {
    public Until {
        conditions = List.copyOf(conditions);
    }
}
