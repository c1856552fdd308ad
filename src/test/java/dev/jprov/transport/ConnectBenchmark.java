package dev.jprov.transport;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures what DESIGN.md's "Known costs" lists: opening N SSH connections in parallel from a fresh JVM and
 * running one empty script on each. Not a unit test (timings vary with the machine). Two steps, so the
 * measured JVM does nothing but connect:
 * <pre>
 *   java -cp ... dev.jprov.transport.ConnectBenchmark serve 10 /tmp/bench &amp;   # 10 local sshds, until killed
 *   java -cp ... dev.jprov.transport.ConnectBenchmark measure /tmp/bench      # fresh JVM: prints the timing
 * </pre>
 */
public final class ConnectBenchmark {
    private ConnectBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("serve")) {
            serve(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 2 && args[0].equals("measure")) {
            measure(Path.of(args[1]));
        } else {
            System.err.println("usage: ConnectBenchmark serve N DIR | measure DIR");
            System.exit(5);
        }
    }

    private static void serve(int count, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<LocalSshd> hosts = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> hosts.forEach(LocalSshd::close)));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalSshd sshd = LocalSshd.start();
            hosts.add(sshd);
            lines.add(sshd.port() + " " + sshd.clientKey() + " " + sshd.knownHosts());
        }
        Files.write(dir.resolve("targets.tmp"), lines);
        Files.move(dir.resolve("targets.tmp"), dir.resolve("targets"));
        System.out.println("serving " + count + " sshds; targets in " + dir.resolve("targets"));
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void measure(Path dir) throws Exception {
        long start = System.nanoTime();
        List<ConnectionSpec> specs = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(dir.resolve("targets"))) {
            String[] f = line.split(" ");
            ConnectionSpec base = ConnectionSpec.of("h" + n++, LocalSshd.HOST, Integer.parseInt(f[0]), "root");
            specs.add(new ConnectionSpec(base.name(), base.host(), base.port(), "root", List.of(Path.of(f[1])),
                    Optional.of(Path.of(f[2])), false, Optional.empty(), base.connectTimeout(), base.keepAlive(),
                    ConnectionSpec.Become.NONE));
        }
        SshConnector connector = SshConnector.forCurrentUser();
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        List<Future<Long>> runs = new ArrayList<>();
        for (ConnectionSpec spec : specs) {
            runs.add(pool.submit(() -> {
                long t = System.nanoTime();
                try (SshShell shell = connector.open(spec)) {
                    long connected = System.nanoTime();
                    ExecResult r = shell.run(new RemoteScript.ProbeScript(""));
                    if (r.exitCode() != 0) throw new IllegalStateException(spec.name() + ": exit " + r.exitCode());
                    return (connected - t) / 1_000_000;
                }
            }));
        }
        long slowestConnect = 0;
        for (Future<Long> f : runs) slowestConnect = Math.max(slowestConnect, f.get());
        pool.shutdown();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("%d hosts: connect + one empty script each, in parallel: %d ms in main (slowest connect %d ms),"
                + " %d ms since JVM start%n", specs.size(), wallMs, slowestConnect, sinceJvmStart);
        // A second round on the warm JVM: what one more connection costs once classes are loaded.
        long warm = System.nanoTime();
        try (SshShell shell = connector.open(specs.get(0))) {
            long connected = System.nanoTime();
            shell.run(new RemoteScript.ProbeScript(""));
            long ran = System.nanoTime();
            shell.run(new RemoteScript.ProbeScript(""));
            System.out.printf("warm JVM: connect+auth %d ms, first script %d ms, next script %d ms%n",
                    (connected - warm) / 1_000_000, (ran - connected) / 1_000_000, (System.nanoTime() - ran) / 1_000_000);
        }
    }
}
