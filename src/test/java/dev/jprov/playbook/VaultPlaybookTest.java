package dev.jprov.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jprov.source.LoadException;
import dev.jprov.source.Secrets;
import dev.jprov.source.SourceLocation;
import dev.jprov.source.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A playbook, its task files and role vars are read with the run's vault: {@code !vault} values in play vars and
 * module args, and a vault-encrypted task file. (A fake Secrets; the crypto is tested in dev.jprov.vault.)
 */
class VaultPlaybookTest {
    @TempDir
    Path dir;

    /** "Decrypts" an envelope whose payload line is PLAIN:text; records what is registered. */
    static final class FakeSecrets implements Secrets {
        final List<String> registered = new ArrayList<>();

        @Override
        public byte[] decrypt(String vaultText, SourceLocation where) {
            String payload = vaultText.lines().skip(1).findFirst().orElse("").strip();
            return payload.substring(6).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void register(String plaintext) {
            registered.add(plaintext);
        }

        @Override
        public String mask(String text) {
            return text;
        }
    }

    @Test
    void vaultValuesAndEncryptedTaskFiles() throws IOException {
        Files.writeString(dir.resolve("site.yaml"), """
                - hosts: all
                  vars:
                    pw: !vault |
                      $ANSIBLE_VAULT;1.1;AES256
                      PLAIN:play-secret
                  tasks:
                    - debug:
                        msg: !vault |
                          $ANSIBLE_VAULT;1.1;AES256
                          PLAIN:arg-secret
                    - import_tasks: more.yaml
                """);
        Files.writeString(dir.resolve("more.yaml"), "$ANSIBLE_VAULT;1.1;AES256\nPLAIN:- debug: msg=from-encrypted\\n\n");
        FakeSecrets secrets = new FakeSecrets();
        Playbook pb = new PlaybookLoader(Fixtures.IS_MODULE, List.of(), new YamlReader(secrets), null)
                .load(dir.resolve("site.yaml"));
        Play play = pb.plays().get(0);
        assertEquals("play-secret", play.vars().get("pw"));
        assertEquals(Map.of("msg", "arg-secret"), ((Task) play.tasks().get(0)).action().args());
        assertEquals(Map.of("msg", "from-encrypted"), ((Task) play.tasks().get(1)).action().args());
        // every string of an encrypted file is a secret too
        assertEquals(List.of("play-secret", "arg-secret", "msg=from-encrypted"), secrets.registered);
        // without the vault: an error at the value's place
        LoadException e = assertThrows(LoadException.class,
                () -> new PlaybookLoader(Fixtures.IS_MODULE, List.of()).load(dir.resolve("site.yaml")));
        assertEquals(dir.resolve("site.yaml") + ":3:9: Attempting to decrypt but no vault secrets found",
                e.getMessage());
    }
}
