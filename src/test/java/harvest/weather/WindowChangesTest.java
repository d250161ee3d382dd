package harvest.weather;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WindowChangesTest {

    @Test
    void identical_windows_are_no_change() {
        assertThat(WindowChanges.between(Map.of("C", List.of(window(6, 22))), Map.of("C", List.of(window(6, 22))))).isEmpty();
    }

    @Test
    void a_window_cut_short_shrank_and_one_rained_away_vanished() {
        var changes = WindowChanges.between(
                Map.of("C", List.of(window(6, 12), window(14, 22))),
                Map.of("C", List.of(window(6, 10))));

        assertThat(changes).singleElement().satisfies(community -> {
            assertThat(community.workableHoursBefore()).isEqualTo(14);
            assertThat(community.workableHoursAfter()).isEqualTo(4);
            assertThat(community.changes()).extracting(WindowChanges.Change::kind)
                    .containsExactly(WindowChanges.Kind.SHRANK, WindowChanges.Kind.VANISHED);
        });
    }

    @Test
    void a_longer_window_grew_a_new_one_appeared_and_a_moved_one_shifted() {
        var changes = WindowChanges.between(
                Map.of("C", List.of(window(8, 12), window(15, 18))),
                Map.of("C", List.of(window(6, 12), window(16, 20), window(21, 22))));

        assertThat(changes.getFirst().changes()).extracting(WindowChanges.Change::kind)
                .containsExactly(WindowChanges.Kind.GREW, WindowChanges.Kind.SHIFTED, WindowChanges.Kind.APPEARED);
    }

    @Test
    void one_window_split_in_two_is_two_shrinkages() {
        var changes = WindowChanges.between(
                Map.of("C", List.of(window(6, 22))),
                Map.of("C", List.of(window(6, 10), window(14, 22))));

        assertThat(changes.getFirst().changes()).extracting(WindowChanges.Change::kind)
                .containsExactly(WindowChanges.Kind.SHRANK, WindowChanges.Kind.SHRANK);
    }

    @Test
    void only_communities_that_changed_are_named() {
        var changes = WindowChanges.between(
                Map.of("A", List.of(window(6, 22)), "B", List.of(window(6, 22))),
                Map.of("A", List.of(window(6, 22)), "B", List.of(window(6, 20))));

        assertThat(changes).extracting(WindowChanges.CommunityChange::communityCode).containsExactly("B");
    }

    private static Segment window(int fromHour, int toHour) {
        return new Segment(at(fromHour), at(toHour), null, null);
    }

    private static Instant at(int hour) {
        return OffsetDateTime.parse("2023-06-04T00:00:00+08:00").plusHours(hour).toInstant();
    }
}
