/**
 * Running scripts on targets; the only package that imports sshj.
 * <p>
 * Layers: {@link dev.jprov.transport.CommandShell#exec} runs one argv with stdin bytes; {@code run(script)} is
 * {@code exec(/bin/sh -s, script)}. {@link dev.jprov.transport.SshShell} is a host's one connection (opened by
 * {@link dev.jprov.transport.SshConnector}, thread safe, one channel per exec), {@link dev.jprov.transport.LocalShell}
 * the controller. Wrappers share the connection they wrap: {@link dev.jprov.transport.BecomeShell} (sudo, doas, su),
 * {@link dev.jprov.transport.JailShell} (jexec), {@link dev.jprov.transport.CheckModeShell} (probes only). A jail
 * with become is {@code JailShell.on(BecomeShell.over(host, become), jail)}: {@code sudo -n -u root -- jexec NAME
 * /bin/sh -s}.
 * <p>
 * Authentication ({@link dev.jprov.transport.SshConnector}) offers the inventory's key files, then the keys
 * ssh-agent holds ({@link dev.jprov.transport.AgentClient} speaks the agent protocol over $SSH_AUTH_SOCK,
 * {@link dev.jprov.transport.AuthAgent} has it sign), then ~/.ssh's id_ed25519, id_ecdsa, id_rsa; a
 * passphrase-protected key file works through the agent's copy of it. jprov never prompts.
 * <p>
 * A script's standard input is the script itself: a command in it that reads stdin (cat, read, a user's command)
 * would eat the rest of the script, so such commands must get {@code </dev/null} or a here-document.
 */
package dev.jprov.transport;
