package harvest.system;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times are stored as instants and shown in the district's own zone, the way farmers and operators read them. */
public final class DistrictTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DistrictTime() {
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
