package dev.jprov.inventory;

/**
 * A host's ansible_become, ansible_become_method (short name, lower case: "sudo" for
 * "ansible.builtin.sudo") and ansible_become_user, as its variables set them. Which methods work is the
 * transport's to say; the wiring turns this into the transport's become.
 */
public record BecomeVars(boolean enabled, String method, String user) {
    public static final BecomeVars NONE = new BecomeVars(false, "sudo", "root");
}
