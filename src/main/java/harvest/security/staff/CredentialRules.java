package harvest.security.staff;

import harvest.system.problem.ProblemException;

import java.util.Locale;

/**
 * What a username and a password must be. Long passphrases over complexity rules (NIST SP 800-63B); the upper
 * bound keeps a hash cheap to refuse. Checked in code as well as by the request records' annotations, because
 * the first admin's values come from the environment, which no request validation sees.
 */
final class CredentialRules {
    static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,39}$";
    static final String USERNAME_MESSAGE = "must be 3 to 40 lower-case letters, digits, '.', '_' or '-'";
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private CredentialRules() {
    }

    static void requireUsername(String username) {
        if (username == null || !username.matches(USERNAME)) {
            throw ProblemException.invalid("username", USERNAME_MESSAGE);
        }
    }

    /** Refuses a weak password, naming {@code field} as the caller sent it. */
    static void requirePassword(String username, String password, String field) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ProblemException.invalid(field, "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid(field, "must not contain the username");
        }
        if (password.isBlank() || password.chars().distinct().count() < 5) {
            throw ProblemException.invalid(field, "is too easy to guess: use a passphrase of several different words");
        }
    }
}
