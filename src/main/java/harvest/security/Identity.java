package harvest.security;

import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who signed in: a staff account (subject = username) or a person in the ledgers (subject = phone number), with
 * the roles they hold right now.
 */
public record Identity(Kind kind, String subject, List<String> roles) {
    /** The claims an access token carries besides its subject and roles. */
    public static final String SESSION = "sid";
    public static final String KIND = "kind";
    public static final String PHONE = "phone";

    public enum Kind { STAFF, MOBILE }

    /** The name the audit log records: a staff member's username; an app user by number. */
    public String name() {
        return kind == Kind.STAFF ? subject : "app " + subject;
    }

    Authentication authentication(UUID session) {
        Map<String, Object> attributes = kind == Kind.STAFF
                ? Map.of(SESSION, session.toString(), KIND, kind.name())
                : Map.of(SESSION, session.toString(), KIND, kind.name(), PHONE, subject);
        return Authentication.build(name(), roles, attributes);
    }
}
