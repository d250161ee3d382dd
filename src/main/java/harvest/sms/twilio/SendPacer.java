package harvest.sms.twilio;

/** Spaces sends evenly at the configured rate for this process's sender. */
class SendPacer {
    private final long intervalNanos;
    private long next = System.nanoTime();

    SendPacer(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next slot. */
    synchronized void await() throws InterruptedException {
        long now = System.nanoTime();
        long slot = Math.max(now, next);
        next = slot + intervalNanos;
        long wait = slot - now;
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
