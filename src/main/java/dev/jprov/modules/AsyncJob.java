package dev.jprov.modules;

/**
 * An async task's job as Ansible's async_wrapper runs it: detached on the host, killed after {@code timeLimit}
 * seconds, its status and result JSON in {@code ~/.ansible_async/ID}. The executor chooses the id (Ansible's form,
 * "j" and digits, a dot, more digits), so that modules stay free of randomness.
 */
public record AsyncJob(String id, long timeLimit) {
    /** Ansible's async_dir, under the remote user's home. */
    public static final String DIR = ".ansible_async";
}
