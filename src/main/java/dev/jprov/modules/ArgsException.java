package dev.jprov.modules;

/** Bad module arguments; the message reads like Ansible's ("Unsupported parameters for (copy) module: foo"). */
public class ArgsException extends RuntimeException {
    public ArgsException(String message) {
        super(message);
    }
}
