package harvest.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
record TeamResponse(long id, String code, String name, TeamKind kind, String leaderName, String leaderPhone,
                           int members, String communityCode, long version, @Nullable Instant retiredAt) {

    static TeamResponse of(Team t) {
        return new TeamResponse(t.id(), t.code(), t.name(), t.kind(), t.leaderName(), t.leaderPhone(), t.members(),
                t.communityCode(), t.version(), t.retiredAt());
    }
}
