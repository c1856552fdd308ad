package dev.jprov.archfixture.report;

import picocli.CommandLine;

/** A library outside its owner: only cli may use picocli. */
public final class PicocliInReport {
    private PicocliInReport() {}

    public static String usage(Object command) {
        return new CommandLine(command).getUsageMessage();
    }
}
