package dev.jprov.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ansible-vault envelope: the header line {@code $ANSIBLE_VAULT;1.1;AES256} (or {@code 1.2;AES256;LABEL})
 * and the hexlified payload in 80-column lines, read and written as Ansible's parse_vaulttext_envelope and
 * format_vaulttext_envelope do.
 */
public record VaultEnvelope(String version, String cipher, Optional<String> vaultId, String payload) {

    static final String HEADER = "$ANSIBLE_VAULT";

    /** Ansible's vault id for envelopes without a label (and for secrets given without one). */
    public static final String DEFAULT_ID = "default";

    /** Reads an envelope; a malformed header is a {@link VaultFormatException} as Ansible's format error. */
    public static VaultEnvelope parse(String text) {
        if (!text.startsWith(HEADER)) throw new VaultFormatException("input is not vault encrypted data");
        List<String> lines = text.lines().toList();
        String[] header = lines.get(0).strip().split(";", -1);
        if (header.length < 3) {
            throw new VaultFormatException("Vault envelope format error: header " + lines.get(0).strip()
                    + " has no version and cipher");
        }
        Optional<String> id = header.length >= 4 ? Optional.of(header[3].strip()) : Optional.empty();
        // As Ansible: the payload lines are joined as they are (no stripping), so stray spaces are a format error.
        return new VaultEnvelope(header[1].strip(), header[2].strip(), id,
                String.join("", lines.subList(1, lines.size())));
    }

    /** The vault id that picks a secret: the 1.2 label, else {@code default}. */
    public String id() {
        return vaultId.orElse(DEFAULT_ID);
    }

    /** The envelope's text as ansible-vault writes it: header, 80-column lines, a final newline. */
    public String format() {
        List<String> parts = new ArrayList<>(List.of(HEADER, version, cipher));
        if (version.equals("1.2")) vaultId.ifPresent(parts::add);
        StringBuilder out = new StringBuilder(String.join(";", parts)).append('\n');
        for (int i = 0; i < payload.length(); i += 80) {
            out.append(payload, i, Math.min(payload.length(), i + 80)).append('\n');
        }
        return out.toString();
    }

    /** A new envelope for a payload: 1.2 with the label when one other than {@code default} is given. */
    public static VaultEnvelope of(String payload, Optional<String> vaultId) {
        Optional<String> label = vaultId.filter(v -> !v.isEmpty() && !v.equals(DEFAULT_ID));
        return new VaultEnvelope(label.isPresent() ? "1.2" : "1.1", "AES256", label, payload);
    }
}
