package harvest.ledger;

import harvest.testing.Api;
import harvest.testing.DatabaseTest;
import harvest.testing.Ledgers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static harvest.testing.Ledgers.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Two dispatchers saving the same machine at once: exactly one wins, the other is told to reload. */
@MicronautTest
class ConcurrentUpdateTest extends DatabaseTest {
    @Inject
    Api api;

    private int machines;

    @RepeatedTest(5)
    void of_two_updates_with_the_same_version_one_wins_and_the_other_gets_a_conflict() throws Exception {
        String code = "CM-" + ++machines;
        String location = api.post("/api/v1/machines", Ledgers.Resource.MACHINES.body(code)).header("Location");

        List<Integer> statuses = race(
                () -> api.put(location, with(Ledgers.Resource.MACHINES.body(code), "operatorName", "甲"), "If-Match", "\"0\"").status(),
                () -> api.put(location, with(with(Ledgers.Resource.MACHINES.body(code), "operatorName", "乙"), "version", 0)).status());

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409 || s == 412)).hasSize(1);
        assertThat(api.get(location).etag()).isEqualTo("\"1\"");
    }

    @Test
    void of_two_creations_with_the_same_code_one_wins_and_the_other_gets_a_conflict() throws Exception {
        List<Integer> statuses = race(
                () -> api.post("/api/v1/communities", Ledgers.Resource.COMMUNITIES.body("RACE")).status(),
                () -> api.post("/api/v1/communities", Ledgers.Resource.COMMUNITIES.body("RACE")).status());

        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }

    @SafeVarargs
    private static List<Integer> race(java.util.concurrent.Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> futures = IntStream.range(0, calls.length)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                            return calls[i].call();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool))
                    .toList();
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}
