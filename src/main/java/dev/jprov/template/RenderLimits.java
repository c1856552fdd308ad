package dev.jprov.template;

import java.time.Duration;

/** Bounds on one render so a hostile or runaway template cannot hang or exhaust the controller. */
public record RenderLimits(Duration timeout, long maxOutputChars, int maxCollectionSize, int rangeLimit) {
    public static final RenderLimits DEFAULT = new RenderLimits(Duration.ofSeconds(30), 64L << 20, 1_000_000, 1_000_000);
}
