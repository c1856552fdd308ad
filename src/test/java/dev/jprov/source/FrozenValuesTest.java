package dev.jprov.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one deep freeze the inventory and playbook models use. */
class FrozenValuesTest {

    @Test
    @SuppressWarnings("unchecked")
    void freezesAllTheWayDownKeepingOrderAndNulls() {
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put("z", null);
        inner.put(1, new ArrayList<>(List.of("x")));
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("b", inner);
        in.put("a", new ArrayList<>(Arrays.asList(null, inner)));
        Map<String, Object> frozen = FrozenValues.map(in);

        assertEquals(List.of("b", "a"), List.copyOf(frozen.keySet()));
        Map<?, ?> b = (Map<?, ?>) frozen.get("b");
        assertEquals(List.of("z", "1"), List.copyOf(b.keySet()), "keys in order, as strings");
        assertNull(b.get("z"));
        assertThrows(UnsupportedOperationException.class, () -> frozen.put("c", 1));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) b.get("1")).add("y"));
        List<?> a = (List<?>) frozen.get("a");
        assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) a.get(1)).clear());
        inner.put("z", "changed later");
        assertNull(b.get("z"), "a copy, not a view");
    }

    @Test
    void nullAndEmptyAreEmptyAndAnswerNullKeys() {
        assertEquals(Map.of(), FrozenValues.map(null));
        assertNull(FrozenValues.map(Map.of()).get(null));
        assertEquals(List.of(), FrozenValues.list(null));
        assertEquals(false, FrozenValues.list(List.of()).contains(null));
    }
}
