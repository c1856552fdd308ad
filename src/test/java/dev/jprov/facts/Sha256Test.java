package dev.jprov.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** FIPS 180-2's test vectors, and bytes text handling would spoil; values as Python's hashlib prints them. */
class Sha256Test {

    static Stream<Arguments> digests() {
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        return Stream.of(
                Arguments.of("empty", new byte[0],
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Arguments.of("abc", ascii("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                Arguments.of("two blocks", ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
                Arguments.of("a million a", million,
                        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
                Arguments.of("trailing newline counts", ascii("hi\n"),
                        "98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4"),
                Arguments.of("NUL, high bytes, CR", new byte[] {0, (byte) 0xff, (byte) 0x80, '\n', '\r'},
                        "037e68ac6512d2c57a0d7247a76b3ab486a7f7e9c05ea50cae197782c80b63d4"),
                Arguments.of("UTF-8", "caf\u00e9".getBytes(StandardCharsets.UTF_8),
                        "850f7dc43910ff890f8879c0ed26fe697c93a067ad93a7d50f466a7028a9bf4e"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("digests")
    void lowerCaseHex(String what, byte[] content, String expected) {
        assertEquals(expected, Sha256.hex(content));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
