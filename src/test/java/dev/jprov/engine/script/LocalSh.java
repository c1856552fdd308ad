package dev.jprov.engine.script;

import dev.jprov.transport.ExecResult;
import dev.jprov.transport.RemoteScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Runs a batched script with a local shell, as the remote /bin/sh -s would. */
final class LocalSh {
    private LocalSh() {}

    static ExecResult run(String shell, RemoteScript script) {
        try {
            Process p = new ProcessBuilder(shell, "-s").start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            try (var in = p.getOutputStream()) {
                in.write(script.text().getBytes(StandardCharsets.UTF_8));
            }
            int rc = p.waitFor();
            return new ExecResult(rc, out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] drain(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
