package harvest.weather;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored "windows changed" event: the forecast that caused it, the hours compared, and each changed community. */
@Serdeable
public record WindowChangeEvent(long id, long forecastId, OffsetDateTime createdAt, OffsetDateTime from, OffsetDateTime to,
                                List<WindowChanges.CommunityChange> communities) {

    public List<String> communityCodes() {
        return communities.stream().map(WindowChanges.CommunityChange::communityCode).toList();
    }
}
