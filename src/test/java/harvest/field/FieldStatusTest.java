package harvest.field;

import org.junit.jupiter.api.Test;

import static harvest.field.FieldStatus.DRYING;
import static harvest.field.FieldStatus.HARVESTED;
import static harvest.field.FieldStatus.HARVESTING;
import static harvest.field.FieldStatus.REGISTERED;
import static harvest.field.FieldStatus.SCHEDULED;
import static harvest.field.FieldStatus.SOWN;
import static harvest.field.FieldStatus.STORED;
import static org.assertj.core.api.Assertions.assertThat;

class FieldStatusTest {
    @Test
    void each_status_moves_one_step_forward() {
        assertThat(REGISTERED.canBecome(SCHEDULED)).isTrue();
        assertThat(SCHEDULED.canBecome(HARVESTING)).isTrue();
        assertThat(HARVESTING.canBecome(HARVESTED)).isTrue();
        assertThat(HARVESTED.canBecome(DRYING)).isTrue();
        assertThat(DRYING.canBecome(STORED)).isTrue();
        assertThat(STORED.canBecome(SOWN)).isTrue();
    }

    @Test
    void only_a_scheduled_field_may_go_back() {
        assertThat(SCHEDULED.canBecome(REGISTERED)).isTrue();
        assertThat(HARVESTING.canBecome(SCHEDULED)).isFalse();
        assertThat(SOWN.canBecome(STORED)).isFalse();
    }

    @Test
    void no_step_may_be_skipped_or_repeated() {
        assertThat(REGISTERED.canBecome(HARVESTING)).isFalse();
        assertThat(HARVESTED.canBecome(STORED)).isFalse();
        assertThat(DRYING.canBecome(DRYING)).isFalse();
        assertThat(SOWN.next()).isEmpty();
    }
}
