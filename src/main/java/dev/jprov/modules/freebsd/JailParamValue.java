package dev.jprov.modules.freebsd;

import java.util.List;

/**
 * A jail.conf(5) parameter value as a task gives it: a boolean ({@code persist;} / {@code nopersist;}), a number
 * (written bare), text (quoted), or a list (one {@code +=} line per element).
 */
sealed interface JailParamValue {
    record Flag(boolean on) implements JailParamValue {}

    record Number(long value) implements JailParamValue {}

    record Text(String value) implements JailParamValue {}

    record Values(List<String> values) implements JailParamValue {
        public Values {
            values = List.copyOf(values);
        }
    }
}
