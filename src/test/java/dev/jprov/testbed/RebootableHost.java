package dev.jprov.testbed;

import java.time.Duration;

/**
 * A testbed host that reboots as FreeBSD does, container or namespace alike: how it is
 * reached over SSH and where its boot time is read differ, waiting for the new boot and rebooting do not.
 */
public interface RebootableHost {
    String name();

    /** remoteCommand run over SSH as root, with strict host key checking. */
    ExecResult ssh(String remoteCommand) throws Exception;

    /** The current boot's "SEC USEC" (/var/db/emu/kernel/boottime). */
    String bootTime() throws Exception;

    /** Waits until sshd answers in a boot other than previousBootTime; returns the new boot time. */
    default String awaitBoot(String previousBootTime, Duration timeout) throws Exception {
        return BootWait.awaitNewBoot(name(), () -> ssh(BootWait.BOOT_TIME_COMMAND), previousBootTime, timeout);
    }

    /** `shutdown -r now` over SSH, then {@link #awaitBoot}; returns the new boot time. */
    default String reboot(Duration timeout) throws Exception {
        String before = bootTime();
        ssh("shutdown -r now").orFail("shutdown -r now on " + name());
        return awaitBoot(before, timeout);
    }
}
