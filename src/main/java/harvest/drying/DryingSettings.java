package harvest.drying;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** The public site board ({@code harvest.drying.*}): how long its answer is cached and how often a client may ask. */
@ConfigurationProperties("harvest.drying")
public interface DryingSettings {
    /** Farmers decide where to bring grain from it, so it must show an intake within a minute. */
    @Bindable(defaultValue = "PT20S")
    Duration getPublicCacheTtl();

    /** Requests a minute per client address. */
    @Bindable(defaultValue = "60")
    int getPublicRateLimit();
}
