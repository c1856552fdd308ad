package dev.jprov.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decrypts what ansible-vault 2.14 wrote (src/test/resources/vault, see its README) and refuses what it must. */
class VaultTest {
    static final VaultSecret PW = new VaultSecret("default", bytes("hunter2pass"));
    static final VaultSecret PROD = new VaultSecret("prod", bytes("labelpass"));
    static final VaultSecret WRONG = new VaultSecret("default", bytes("not-the-password"));
    static final SourceLocation AT = new SourceLocation(Path.of("group_vars/all.yml"), 3, 5);

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of(VaultTest.class.getResource("/vault/" + name).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The envelope of an encrypt_string fixture: the block scalar's lines without their indentation. */
    static String stringEnvelope(String name) {
        StringBuilder out = new StringBuilder();
        for (String line : fixture(name).lines().skip(1).toList()) out.append(line.strip()).append('\n');
        return out.toString();
    }

    static Stream<Arguments> decrypts() {
        return Stream.of(
                // {0} fixture text, {1} secrets in order, {2} plaintext
                Arguments.of(fixture("vars.enc.yml"), List.of(PW),
                        "db_password: s3cr3t-db-Passw0rd\napi_token: \"tok-98765-xyz\"\nport: 5432\n"),
                Arguments.of(fixture("vars.label.yml"), List.of(PROD),
                        "db_password: s3cr3t-db-Passw0rd\napi_token: \"tok-98765-xyz\"\nport: 5432\n"),
                // every secret is tried in order, whatever the envelope's label (Ansible's default)
                Arguments.of(fixture("vars.label.yml"), List.of(WRONG, PW, PROD),
                        "db_password: s3cr3t-db-Passw0rd\napi_token: \"tok-98765-xyz\"\nport: 5432\n"),
                Arguments.of(fixture("file.enc"), List.of(WRONG, PW), "line one of secret file\nTOPSECRET-LINE-42\n"),
                Arguments.of(fixture("empty.enc"), List.of(PW), ""),
                Arguments.of(stringEnvelope("string.yml"), List.of(PW), "inv-S3cret-value"),
                Arguments.of(stringEnvelope("string-label.yml"), List.of(PROD), "labelled-S3cret"));
    }

    @ParameterizedTest
    @MethodSource("decrypts")
    void decryptsAnsibleVaultOutput(String text, List<VaultSecret> secrets, String plain) {
        SecretMask mask = new SecretMask();
        assertEquals(plain, new Vault(secrets, false, mask).decryptText(text, AT));
        assertTrue(mask.isEmpty(), "decrypting alone registers nothing: the caller says what is secret");
    }

    static Stream<Arguments> refuses() {
        String vars = fixture("vars.enc.yml");
        return Stream.of(
                // {0} text, {1} secrets, {2} id must match, {3} message after "FILE:LINE:COL: "
                Arguments.of(vars, List.of(), false, "Attempting to decrypt but no vault secrets found"),
                Arguments.of(vars, List.of(WRONG), false,
                        "Decryption failed (no vault secrets were found that could decrypt)"),
                Arguments.of(vars, List.of(PROD), false,
                        "Decryption failed (no vault secrets were found that could decrypt)"),
                // ANSIBLE_VAULT_ID_MATCH: the right password under another id is not tried
                Arguments.of(fixture("vars.label.yml"), List.of(new VaultSecret("dev", bytes("labelpass"))), true,
                        "Decryption failed (no vault secrets were found that could decrypt)"),
                Arguments.of(tamper(vars, 1), List.of(PW), false,
                        "Decryption failed (no vault secrets were found that could decrypt)"),
                Arguments.of(tamper(vars, 2), List.of(PW), false,
                        "Decryption failed (no vault secrets were found that could decrypt)"),
                Arguments.of("$ANSIBLE_VAULT;1.1\nabcd\n", List.of(PW), false,
                        "Vault envelope format error: header $ANSIBLE_VAULT;1.1 has no version and cipher"),
                Arguments.of(vars.replace(";AES256", ";AES128"), List.of(PW), false, "AES128 cipher could not be found"),
                Arguments.of("$ANSIBLE_VAULT;1.1;AES256\nzz\n", List.of(PW), false,
                        "There was a vault format error: Vault format unhexlify error: Non-hexadecimal digit found"),
                Arguments.of("$ANSIBLE_VAULT;1.1;AES256\nabc\n", List.of(PW), false,
                        "There was a vault format error: Vault format unhexlify error: Odd-length string"));
    }

    @ParameterizedTest
    @MethodSource("refuses")
    void refusesWithAnsiblesMessageAndTheLocation(String text, List<VaultSecret> secrets, boolean match, String msg) {
        LoadException e = assertThrows(LoadException.class,
                () -> new Vault(secrets, match, new SecretMask()).decrypt(text, AT));
        assertEquals("group_vars/all.yml:3:5: " + msg, e.getMessage());
    }

    /** Flips one hex digit of the HMAC (part 1) or of the ciphertext (part 2) inside the payload. */
    static String tamper(String envelopeText, int part) {
        VaultEnvelope e = VaultEnvelope.parse(envelopeText);
        HexFormat hex = HexFormat.of();
        String[] parts = new String(hex.parseHex(e.payload()), StandardCharsets.US_ASCII).split("\n", 3);
        char c = parts[part].charAt(4);
        parts[part] = parts[part].substring(0, 4) + (c == '0' ? '1' : '0') + parts[part].substring(5);
        String payload = hex.formatHex(String.join("\n", parts).getBytes(StandardCharsets.US_ASCII));
        return new VaultEnvelope(e.version(), e.cipher(), e.vaultId(), payload).format();
    }

    @Test
    void encryptsWhatAnsibleVaultCanRead() {
        // The fixture's salt with our encryption gives the fixture's payload byte for byte.
        String text = fixture("vars.enc.yml");
        VaultEnvelope e = VaultEnvelope.parse(text);
        byte[] salt = HexFormat.of().parseHex(
                new String(HexFormat.of().parseHex(e.payload()), StandardCharsets.US_ASCII).split("\n")[0]);
        String payload = Aes256.encrypt(
                bytes("db_password: s3cr3t-db-Passw0rd\napi_token: \"tok-98765-xyz\"\nport: 5432\n"),
                bytes("hunter2pass"), salt);
        assertEquals(text, VaultEnvelope.of(payload, Optional.empty()).format());
    }

    @Test
    void labelledEnvelopeIsVersion12() {
        VaultEnvelope e = VaultEnvelope.parse(fixture("vars.label.yml"));
        assertEquals("1.2", e.version());
        assertEquals("prod", e.id());
        assertEquals(fixture("vars.label.yml"), e.format());
        assertEquals("default", VaultEnvelope.parse(fixture("vars.enc.yml")).id());
        assertEquals("1.1", VaultEnvelope.of("ab", Optional.of("default")).version());
        assertEquals("$ANSIBLE_VAULT;1.2;AES256;dev\nab\n", VaultEnvelope.of("ab", Optional.of("dev")).format());
    }

    @Test
    void roundTripsBytesThatAreNotText() {
        byte[] plain = {0, (byte) 0xff, 10, 13, 16, 16};
        byte[] password = {(byte) 0xc3, 0x28};
        String payload = Aes256.encrypt(plain, password, new byte[32]);
        assertArrayEquals(plain, Aes256.decrypt(payload, password).orElseThrow());
        assertEquals(Optional.empty(), Aes256.decrypt(payload, bytes("x")).map(b -> "decrypted"));
    }
}
