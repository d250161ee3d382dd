package harvest.security.mobile;

import harvest.security.Identity;
import harvest.security.SecuritySettings;
import harvest.security.ServerSecret;
import harvest.system.Sql;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/**
 * One-time sign-in codes texted to a phone number. Every number is treated alike up to the moment of sending: a
 * code is made and counted for an unknown number too, only never sent, so neither the answer nor the limits tell
 * whether a number is in the ledgers. Codes are stored as keyed hashes, live {@code harvest.security.code-ttl},
 * allow five tries, and a new code ends the previous one.
 */
@Singleton
@Connectable
public class SignInCodes {
    private static final Logger LOG = LoggerFactory.getLogger(SignInCodes.class);
    private static final int ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sql sql;
    private final ServerSecret secret;
    private final MobileIdentities identities;
    private final CodeTexts texts;
    private final SecuritySettings settings;

    public SignInCodes(Sql sql, ServerSecret secret, MobileIdentities identities, CodeTexts texts,
                       SecuritySettings settings) {
        this.sql = sql;
        this.secret = secret;
        this.identities = identities;
        this.texts = texts;
        this.settings = settings;
    }

    /** Makes a code for {@code phone} (E.164) and, if the number is in the ledgers, texts it. */
    @Transactional
    public Duration send(String phone) {
        // One request per number at a time, so concurrent requests cannot all pass the count below.
        sql.lockUntilCommit("sign-in code " + phone);
        requireUnderLimits(phone);
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Duration ttl = settings.getCodeTtl();
        // The new code ends the last one by using up its tries (its times stay as they were: now() is this
        // transaction's start, which may be earlier than a row committed while it waited for the lock).
        sql.of("UPDATE sign_in_code SET attempts = :attempts WHERE phone = :phone AND used_at IS NULL AND expires_at > now() AND attempts < :attempts")
                .set("attempts", ATTEMPTS).set("phone", phone).update();
        sql.of("""
                INSERT INTO sign_in_code (phone, code_hash, created_at, expires_at)
                VALUES (:phone, :codeHash, now(), now() + make_interval(secs => :ttl))""")
                .set("phone", phone).set("codeHash", hash(phone, code)).set("ttl", (double) ttl.toSeconds()).update();
        texts.send(phone, identities.holdings(phone), code, ttl);
        return ttl;
    }

    /** The identity for the right code; a wrong, used, expired or exhausted code is refused alike. */
    @Transactional(noRollbackFor = ProblemException.class)
    public Identity signIn(String phone, String code) {
        Optional<LiveCode> live = sql.of("""
                SELECT id, code_hash FROM sign_in_code
                WHERE phone = :phone AND used_at IS NULL AND expires_at > now() AND attempts < :attempts
                ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .set("phone", phone).set("attempts", ATTEMPTS)
                .first(rows -> new LiveCode(rows.getLong("id"), rows.getBytes("code_hash")));
        Optional<Long> matched = live.filter(found -> MessageDigest.isEqual(found.hash(), hash(phone, code))).map(LiveCode::id);
        live.ifPresent(found -> sql.of("UPDATE sign_in_code SET attempts = attempts + 1, used_at = CASE WHEN :right THEN now() END WHERE id = :id")
                .set("right", matched.isPresent()).set("id", found.id()).update());
        matched.ifPresent(id -> texts.forget(phone));
        return matched.flatMap(id -> identities.current(phone)).orElseThrow(() -> new ProblemException(ProblemType.SIGN_IN_FAILED,
                "the code is wrong, used or expired; ask for a new one"));
    }

    private record LiveCode(long id, byte[] hash) {
    }

    private void requireUnderLimits(String phone) {
        int[] counts = sql.of("""
                SELECT count(*) FILTER (WHERE phone = :phone AND created_at > now() - interval '1 hour'),
                       count(*) FILTER (WHERE phone = :phone),
                       count(*)
                FROM sign_in_code WHERE created_at > now() - interval '1 day'""")
                .set("phone", phone)
                .first(rows -> new int[]{rows.getInt(1), rows.getInt(2), rows.getInt(3)}).orElseThrow();
        if (counts[0] >= settings.getCodesPerNumberPerHour() || counts[1] >= settings.getCodesPerNumberPerDay()) {
            throw new ProblemException(ProblemType.RATE_LIMITED, "this number has had as many codes as it may for now; use the last one or try again later")
                    .retryAfter(counts[1] >= settings.getCodesPerNumberPerDay() ? 86_400 : 3_600);
        }
        // The district's own budget: a flood spread over many numbers and addresses still cannot run up the bill.
        if (counts[2] >= settings.getCodesPerDay()) {
            LOG.warn("The district's {} sign-in codes a day are used up; code requests are refused until some are a day old",
                    settings.getCodesPerDay());
            throw new ProblemException(ProblemType.RATE_LIMITED, "sign-in codes are not being sent for now; try again later")
                    .retryAfter(3_600);
        }
    }

    private byte[] hash(String phone, String code) {
        return secret.mac((phone + ":" + code).getBytes(StandardCharsets.UTF_8));
    }
}
