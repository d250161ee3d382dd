package harvest.dispatch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/** {@code harvest.dispatch.*}: how the service reacts to the day's events, and who gets the evening summary. */
@ConfigurationProperties("harvest.dispatch")
interface DispatchSettings {
    /** How far a farmer's "not ready" pushes the field's ripeness from now. */
    @Bindable(defaultValue = "PT48H")
    Duration getNotReadyDelay();

    /** As configured, unchecked: {@link BureauLeaders} checks them once. */
    @Nullable List<String> getLeaderPhones();
}
