package dev.jprov.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretMaskTest {

    static Stream<Arguments> masks() {
        return Stream.of(
                // {0} registered, {1} text, {2} masked
                Arguments.of(List.of(), "nothing registered", "nothing registered"),
                Arguments.of(List.of("hunter2"), "no secret here", "no secret here"),
                Arguments.of(List.of("hunter2"), "pw=hunter2 and hunter2", "pw=******** and ********"),
                // the longer secret first, so it is hidden whole
                Arguments.of(List.of("abc", "abcdef"), "x abcdef y abc", "x ******** y ********"),
                // a file: whole, and line by line as a diff shows it
                Arguments.of(List.of("line one of secret\n  TOPSECRET-42\n}\n"), "+  TOPSECRET-42\n+}",
                        "+  ********\n+}"),
                // too short to mask
                Arguments.of(List.of("no", ""), "no way", "no way"),
                Arguments.of(List.of("a\"b\\c"), "{\"k\": \"a\"b\\c\"}", "{\"k\": \"********\"}"));
    }

    @ParameterizedTest
    @MethodSource("masks")
    void masks(List<String> secrets, String text, String masked) {
        SecretMask mask = new SecretMask();
        secrets.forEach(mask::register);
        assertEquals(masked, mask.mask(text));
    }
}
