package dev.jprov.transport;

import net.schmizz.sshj.connection.channel.direct.Session;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a command's standard input over its SSH channel without ever waiting inside sshj for window space.
 * sshj 0.40 holds the channel stream's lock while it waits for the window to grow, and its reader thread needs
 * that lock to process the channel's close: when a command exits without reading all of its input, the whole
 * connection would hang. So we send at most what the window allows and wait for more space ourselves.
 */
final class WindowedInput {
    private static final long MAX_PAUSE_MS = 20;

    private WindowedInput() {}

    static void write(Session.Command channel, byte[] data) throws IOException, InterruptedException {
        OutputStream out = channel.getOutputStream();
        int offset = 0;
        long pauseMs = 1;
        while (offset < data.length) {
            long window = channel.getRemoteWinSize();
            if (window <= 0) {
                if (!channel.isOpen() || channel.getExitStatus() != null || channel.getExitSignal() != null) {
                    throw new IOException("the command exited before reading all of its input");
                }
                Thread.sleep(pauseMs);
                pauseMs = Math.min(MAX_PAUSE_MS, pauseMs * 2);
                continue;
            }
            int n = (int) Math.min(window, data.length - offset);
            out.write(data, offset, n);
            out.flush();
            offset += n;
            pauseMs = 1;
        }
        out.close();
    }
}
