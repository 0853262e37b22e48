package cn.tongban.identity;

import java.util.List;

/**
 * A registration names a username, ID number or e-mail address that belongs to an account already.
 * {@link #fields()} are the names of {@link ApplicantRegistration}'s components that are taken.
 */
public class AccountTakenException extends RuntimeException {

    private final List<String> fields;

    public AccountTakenException(List<String> fields) {
        super("taken already: " + fields);
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }
}
