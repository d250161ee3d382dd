package harvest.drying;

import harvest.system.DistrictTime;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * The public site board, read at most once per {@code harvest.drying.public-cache-ttl}: farmers and the app poll
 * it, and its answer only has to be fresh within the minute. The age is measured on the monotonic clock, since
 * the district clock may be set to a past season.
 */
@Singleton
public class PublicBoard {
    private final SiteOccupancy occupancy;
    private final DryingSettings settings;
    private final Clock clock;
    private PublicDryingSites board;
    private long readAt;

    public PublicBoard(SiteOccupancy occupancy, DryingSettings settings, Clock clock) {
        this.occupancy = occupancy;
        this.settings = settings;
        this.clock = clock;
    }

    /** Requests arriving while the board is read wait for that one read rather than each running their own. */
    public synchronized PublicDryingSites current() {
        long now = System.nanoTime();
        if (board == null || now - readAt >= settings.getPublicCacheTtl().toNanos()) {
            List<PublicDryingSite> sites = occupancy.active().stream().map(PublicDryingSite::of).toList();
            board = new PublicDryingSites(DistrictTime.local(clock.instant()), sites);
            readAt = now;
        }
        return board;
    }
}
