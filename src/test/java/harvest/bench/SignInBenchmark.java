package harvest.bench;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What security costs a request: the token check (signature, then the session looked up) and the app's object
 * check (the number's holdings read from the ledgers), and what a staff sign-in costs (Argon2id). The baseline is
 * the same HTTP round trip without a token, to /health.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class SignInBenchmark extends DatabaseTest {
    private static final int WARMUPS = 3;
    private static final int RUNS = 7;
    private static final int REQUESTS = 200;
    /** The operator of the demo district's M0001. */
    private static final String OPERATOR_PHONE = "+8613883014629";

    @Inject
    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true", "harvest.sms.worker-enabled", "false");
    }

    @Test
    void what_signing_in_and_checking_tokens_cost() {
        Api anonymous = api.anonymous();
        Api operator = api.app(OPERATOR_PHONE);
        Map<String, String> credentials = Map.of("username", "test-admin", "password", "test admin passphrase");

        long baseline = median(() -> requests(() -> anonymous.get("/health").status()));
        long staff = median(() -> requests(() -> api.get("/api/v1/me").status()));
        long app = median(() -> requests(() -> operator.get("/api/v1/me").status()));
        long signIn = median(() -> anonymous.post("/api/v1/auth/sign-in", credentials).status());

        System.out.printf("%n%-62s %12s %8s%n", "security, " + REQUESTS + " requests a run", "median ms", "ratio");
        System.out.printf("%-62s %12.2f %8.2f%n", "baseline: GET /health without a token, a request", baseline / 1e6 / REQUESTS, 1.0);
        System.out.printf("%-62s %12.2f %8.2f%n", "GET /api/v1/me, staff token (signature + session)", staff / 1e6 / REQUESTS, (double) staff / baseline);
        System.out.printf("%-62s %12.2f %8.2f%n", "GET /api/v1/me, app token (+ the number's holdings)", app / 1e6 / REQUESTS, (double) app / baseline);
        System.out.printf("%-62s %12.2f %8.2f%n%n", "POST /api/v1/auth/sign-in (Argon2id, 19 MiB, 2 passes)", signIn / 1e6,
                signIn / ((double) baseline / REQUESTS));
    }

    private static int requests(IntSupplier request) {
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(request.getAsInt()).isEqualTo(200);
        }
        return REQUESTS;
    }

    private static long median(IntSupplier run) {
        long[] times = new long[RUNS];
        for (int i = -WARMUPS; i < RUNS; i++) {
            long start = System.nanoTime();
            if (run.getAsInt() < 0) {
                throw new IllegalStateException();
            }
            if (i >= 0) {
                times[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
