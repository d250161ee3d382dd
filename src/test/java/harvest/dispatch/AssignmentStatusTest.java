package harvest.dispatch;

import harvest.planning.AssignmentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static harvest.planning.AssignmentStatus.CANCELLED;
import static harvest.planning.AssignmentStatus.CONFIRMED;
import static harvest.planning.AssignmentStatus.DONE;
import static harvest.planning.AssignmentStatus.FAILED;
import static harvest.planning.AssignmentStatus.IN_PROGRESS;
import static harvest.planning.AssignmentStatus.NOTIFIED;
import static harvest.planning.AssignmentStatus.PLANNED;
import static org.assertj.core.api.Assertions.assertThat;

/** Every pair of statuses: the legal moves of an assignment, written out once more by hand, and nothing else. */
class AssignmentStatusTest {
    private static final Map<AssignmentStatus, Set<AssignmentStatus>> LEGAL = Map.of(
            PLANNED, Set.of(NOTIFIED, CONFIRMED, IN_PROGRESS, CANCELLED),
            NOTIFIED, Set.of(CONFIRMED, IN_PROGRESS, CANCELLED),
            CONFIRMED, Set.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, Set.of(DONE, FAILED),
            DONE, Set.of(),
            CANCELLED, Set.of(),
            FAILED, Set.of());

    static Stream<Arguments> pairs() {
        return Arrays.stream(AssignmentStatus.values()).flatMap(from -> Arrays.stream(AssignmentStatus.values())
                .map(to -> Arguments.of(from, to, LEGAL.get(from).contains(to))));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("pairs")
    void an_assignment_moves_only_along_the_lifecycle(AssignmentStatus from, AssignmentStatus to, boolean legal) {
        assertThat(from.canBecome(to)).isEqualTo(legal);
    }
}
