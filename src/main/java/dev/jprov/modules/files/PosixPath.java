package dev.jprov.modules.files;

import java.util.ArrayDeque;
import java.util.Deque;

/** Python's posixpath.normpath, dirname and basename on a remote path (a string: the controller's OS does not matter). */
record PosixPath() {

    static String normalize(String path) {
        if (path.isEmpty()) return ".";
        int leading = path.startsWith("//") && !path.startsWith("///") ? 2 : path.startsWith("/") ? 1 : 0;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..") && (leading == 0 && (parts.isEmpty() || parts.peekLast().equals("..")))) {
                parts.addLast(p);
            } else if (p.equals("..")) {
                if (!parts.isEmpty()) parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        String joined = String.join("/", parts);
        String out = "/".repeat(leading) + joined;
        return out.isEmpty() ? "." : out;
    }

    static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        return path.substring(0, end);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) return "";
        String head = path.substring(0, slash + 1);
        String stripped = stripTrailingSlashes(head);
        return stripped.isEmpty() ? head : stripped;
    }

    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
