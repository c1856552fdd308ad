package dev.jprov.playbook;

/** tasks_from / vars_from / defaults_from / handlers_from of import_role and include_role (null = main). */
public record RoleFrom(String tasks, String vars, String defaults, String handlers) {
    public static final RoleFrom MAIN = new RoleFrom(null, null, null, null);
}
