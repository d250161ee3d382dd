package harvest.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's one secret (HARVEST_TOKEN_SECRET, base64, at least 32 bytes): it signs access tokens and keys the
 * hashes of sign-in codes. It comes only from the environment; without it the service makes a random one, so it
 * still starts on a fresh machine, but every token dies with the process and instances cannot share tokens.
 */
@Singleton
public class ServerSecret {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSecret.class);
    private static final int MIN_BYTES = 32;

    private final byte[] key;

    public ServerSecret(@Nullable @Value("${harvest.security.token-secret:}") String configured) {
        if (configured == null || configured.isBlank()) {
            LOG.warn("HARVEST_TOKEN_SECRET is not set: using a random secret; tokens will not survive a restart");
            key = new byte[MIN_BYTES];
            new SecureRandom().nextBytes(key);
        } else {
            key = decode(configured.strip());
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("HARVEST_TOKEN_SECRET must be base64 (e.g. openssl rand -base64 48)");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("HARVEST_TOKEN_SECRET must hold at least " + MIN_BYTES + " bytes; it has " + bytes.length);
        }
        return bytes;
    }

    byte[] signingKey() {
        return mac("token-signing".getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code data} under a key of its own, so a hash in the database is useless without the secret. */
    public byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
