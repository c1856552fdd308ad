package dev.jprov.testbed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The release mirror (build/testbed-mirror, made by testbed/mirror/build) served over HTTP to the container hosts,
 * bound to the container network's gateway address: the containers reach it there, nothing else does. GET and
 * HEAD of files only, as fetch(1) and pkg need.
 */
final class MirrorServer implements AutoCloseable {
    private final HttpServer server;
    private final String url;

    private MirrorServer(HttpServer server, String url) {
        this.server = server;
        this.url = url;
    }

    static MirrorServer start(Path root, String bindAddress) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bindAddress), 0), 16);
        Path base = root.toAbsolutePath().normalize();
        server.createContext("/", exchange -> serve(base, exchange));
        server.start();
        return new MirrorServer(server, "http://" + bindAddress + ":" + server.getAddress().getPort());
    }

    String url() {
        return url;
    }

    private static void serve(Path base, HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            Path file = base.resolve(ex.getRequestURI().getPath().replaceFirst("^/+", "")).normalize();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.sendResponseHeaders(405, -1);
            } else if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
            } else {
                long size = Files.size(file);
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.getResponseHeaders().set("Last-Modified",
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneOffset.UTC)));
                if (method.equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Length", Long.toString(size));
                    ex.sendResponseHeaders(200, -1);
                } else {
                    ex.sendResponseHeaders(200, size == 0 ? -1 : size);
                    try (OutputStream out = ex.getResponseBody()) {
                        Files.copy(file, out);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
