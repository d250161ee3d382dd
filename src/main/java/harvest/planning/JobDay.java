package harvest.planning;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's jobs of a view, in time order.
 *
 * @param day A day in district time (Asia/Shanghai)
 */
@Serdeable
@Schema(name = "JobDay")
public record JobDay(LocalDate day, List<NavigableJob> jobs) {
}
