package harvest.bench;

import java.util.Arrays;
import java.util.function.IntSupplier;

/** The benchmarks' timing: the median of 7 runs after 3 warm-ups, as the README says. */
final class Medians {
    private static final int WARMUPS = 3;
    private static final int RUNS = 7;

    private Medians() {
    }

    /** Nanoseconds a run takes; the run returns a count, checked, so its work cannot be optimised away. */
    static long of(IntSupplier run) {
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
