package dev.jprov.modules.files;

import java.util.Map;

/**
 * A failed fetch(1) as get_url.py's url_get reports a failed request: fetch prints libfetch's reason for the HTTP
 * status ("fetch: URL: Not Found", lib/libfetch/http.c's http_errlist), which maps back to the status code that
 * Ansible shows with "HTTP Error 404: Not Found"; a failure without a status (connection refused, no address)
 * is status -1 as in urllib's URLError.
 */
record FetchError(int status, String response) {
    private static final Map<String, Integer> REASONS = Map.ofEntries(
            Map.entry("Moved Permanently", 301), Map.entry("Moved Temporarily", 302), Map.entry("See Other", 303),
            Map.entry("Not Modified", 304), Map.entry("Bad Request", 400), Map.entry("Unauthorized", 401),
            Map.entry("Forbidden", 403), Map.entry("Not Found", 404), Map.entry("Method Not Allowed", 405),
            Map.entry("Proxy Authentication Required", 407), Map.entry("Request Timeout", 408),
            Map.entry("Gone", 410), Map.entry("Internal Server Error", 500), Map.entry("Not Implemented", 501),
            Map.entry("Bad Gateway", 502), Map.entry("Service Unavailable", 503), Map.entry("Gateway Timeout", 504));

    static FetchError of(String fetchOutput) {
        String line = fetchOutput.strip();
        int nl = line.lastIndexOf('\n');
        if (nl >= 0) line = line.substring(nl + 1);
        line = line.replaceFirst("^fetch: ", "");
        String reason = line.substring(line.lastIndexOf(": ") + 2 > 1 ? line.lastIndexOf(": ") + 2 : 0);
        Integer status = REASONS.get(reason);
        if (status != null) return new FetchError(status, "HTTP Error " + status + ": " + reason);
        return new FetchError(-1, "Request failed: <urlopen error " + reason + ">");
    }

    String message() {
        return status < 0 ? response : "Request failed";
    }
}
