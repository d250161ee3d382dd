package harvest.security.mobile;

import java.time.Duration;

/**
 * How a sign-in code reaches a phone. The sms module implements it, so that sign-in needs no outbox of its own
 * and the outbox need not know about sign-in.
 */
public interface CodeTexts {
    /** Texts {@code code} to {@code phone}, addressed to what it holds (nothing if it holds nothing); an unsent earlier code is dropped. */
    void send(String phone, Holdings holdings, String code, Duration ttl);

    /** Forgets the codes still waiting in texts to {@code phone}: used, or replaced. */
    void forget(String phone);

    /** Forgets the codes waiting in texts queued longer ago than {@code age}. */
    void forgetOlderThan(Duration age);
}
