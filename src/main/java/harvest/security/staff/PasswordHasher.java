package harvest.security.staff;

import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id (Bouncy Castle), stored as a PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so the
 * parameters travel with each hash and can be raised later without breaking existing accounts. The defaults are
 * OWASP's minimum for Argon2id: 19 MiB, two passes, one lane.
 */
@Singleton
public class PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PASSES = 2;
    private static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /** Verifying against this keeps a sign-in for an unknown username as slow as one for a known one. */
    private final String decoy = hash("decoy password for unknown usernames");

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    public boolean matches(String password, String stored) {
        Matcher phc = PHC.matcher(stored);
        if (!phc.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(phc.group(5));
        byte[] actual = derive(password, B64D.decode(phc.group(4)), Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time a real verification would, for a username that does not exist; never a match. */
    public boolean verifyDecoy(String password) {
        matches(password, decoy);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        requireWellFormed(password);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.toCharArray(), out);
        return out;
    }

    /** A lone surrogate ("\\ud800" in JSON) has no UTF-8 form to hash: the request cannot be read. */
    private static void requireWellFormed(String password) {
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < password.length() && Character.isLowSurrogate(password.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, "password: is not valid Unicode text (a lone surrogate)",
                        List.of(Problem.Violation.of("password", "is not valid Unicode text (a lone surrogate)")));
            }
        }
    }
}
