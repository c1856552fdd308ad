package dev.jprov.playbook;

import dev.jprov.source.LoadException;
import dev.jprov.source.SourceLocation;

/**
 * A tasks file or role that an import or include names is not there. At load time (an import) it is a load error
 * like any other; for a dynamic include Ansible fails the host instead, so the executor tells it apart.
 */
public final class MissingFile extends LoadException {
    public MissingFile(SourceLocation location, String problem) {
        super(location, problem);
    }
}
