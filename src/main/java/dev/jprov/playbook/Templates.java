package dev.jprov.playbook;

/** Recognises Jinja text the way Ansible's Templar.is_template does, without rendering it. */
final class Templates {
    private Templates() {
    }

    static boolean isTemplate(String s) {
        return s != null && (s.contains("{{") || s.contains("{%") || s.contains("{#"));
    }
}
