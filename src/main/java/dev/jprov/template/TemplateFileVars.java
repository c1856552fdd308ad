package dev.jprov.template;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The variables Ansible's template module adds for the template being rendered (generate_ansible_template_vars). */
final class TemplateFileVars {
    /** Ansible 2.14's default DEFAULT_MANAGED_STR; it has no strftime codes, so it renders as it is. */
    static final String ANSIBLE_MANAGED = "Ansible managed";
    private static final DateTimeFormatter PY_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TemplateFileVars() {}

    static Map<String, Object> of(Path template) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("template_host", hostName());
        vars.put("template_path", template.toString());
        vars.put("template_fullpath", template.toAbsolutePath().normalize().toString());
        vars.put("template_uid", owner(template));
        vars.put("template_mtime", mtime(template));
        vars.put("ansible_managed", ANSIBLE_MANAGED);
        return vars;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String owner(Path p) {
        try {
            return Files.getOwner(p).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static String mtime(Path p) {
        try {
            return LocalDateTime.ofInstant(Files.getLastModifiedTime(p).toInstant(), ZoneId.systemDefault())
                    .format(PY_DATETIME);
        } catch (IOException e) {
            return "";
        }
    }
}
