package dev.jprov.template;

import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A Python tuple (zip, splitext, dictsort and dict.items() give them): a list that prints as {@code ('a', 1)}.
 * It extends jinjava's PyList so jinjava passes it through unwrapped and can unpack it in {@code for k, v in}.
 */
final class PythonTuple extends PyList {
    PythonTuple(Object... items) {
        super(new ArrayList<>(Arrays.asList(items)));
    }
}
