package dev.jprov.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Feeds a program's standard input while draining its standard output and error, each on its own (virtual)
 * thread. Writing first and reading after would deadlock as soon as the program's output fills the channel
 * window or pipe buffer before it has read all of its input. And a program may exit without reading all of its
 * input (a script that exits early): then the writer is abandoned once the program is known to be done, since
 * no window or pipe space will ever free up for it.
 */
final class StreamExchange {
    private StreamExchange() {}

    /** Writes all of the program's input and closes it (signals EOF). */
    @FunctionalInterface
    interface Feeder {
        void feed() throws IOException, InterruptedException;
    }

    /** Waits until the program has exited and its channel or process is finished. */
    @FunctionalInterface
    interface Exit {
        void await() throws IOException, InterruptedException;
    }

    /**
     * What came back. {@code stdinFailure} is set when the program stopped reading before the end of its input:
     * not an error by itself, the exit status decides.
     */
    record Collected(byte[] stdout, byte[] stderr, Optional<IOException> stdinFailure) {}

    /** Writes {@code data} to {@code stream} and closes it: the feeder for a pipe. */
    static Feeder writing(byte[] data, OutputStream stream) {
        return () -> {
            try (stream) {
                stream.write(data);
                stream.flush();
            }
        };
    }

    static Collected exchange(Feeder stdin, InputStream stdout, InputStream stderr, Exit exit)
            throws IOException, InterruptedException {
        FutureTask<Void> writer = start("stdin", () -> {
            stdin.feed();
            return null;
        });
        FutureTask<byte[]> out = start("stdout", () -> drain(stdout));
        FutureTask<byte[]> err = start("stderr", () -> drain(stderr));
        try {
            byte[] outBytes = await(out);
            byte[] errBytes = await(err);
            exit.await();
            if (!writer.isDone()) writer.cancel(true);
            return new Collected(outBytes, errBytes, writeFailure(writer));
        } finally {
            writer.cancel(true);
            out.cancel(true);
            err.cancel(true);
        }
    }

    private static byte[] drain(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toByteArray();
    }

    private static <T> FutureTask<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread.ofVirtual().name("jprov-" + name).start(task);
        return task;
    }

    private static byte[] await(FutureTask<byte[]> task) throws IOException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("reading the command's output failed: " + e.getCause(), e.getCause());
        }
    }

    private static Optional<IOException> writeFailure(FutureTask<Void> writer) throws InterruptedException {
        try {
            writer.get();
            return Optional.empty();
        } catch (CancellationException e) {
            return Optional.of(new IOException("the command exited before reading all of its input"));
        } catch (ExecutionException e) {
            return Optional.of(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        }
    }
}
