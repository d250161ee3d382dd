package harvest.drying;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** The public site board ({@code harvest.drying.*}): how long its answer is cached and how often a client may ask. */
@ConfigurationProperties("harvest.drying")
public class DryingSettings {
    /** Farmers decide where to bring grain from it, so it must show an intake within a minute. */
    private Duration publicCacheTtl = Duration.ofSeconds(20);
    /** Requests a minute per client address. */
    private int publicRateLimit = 60;

    public Duration getPublicCacheTtl() {
        return publicCacheTtl;
    }

    public void setPublicCacheTtl(Duration publicCacheTtl) {
        this.publicCacheTtl = publicCacheTtl;
    }

    public int getPublicRateLimit() {
        return publicRateLimit;
    }

    public void setPublicRateLimit(int publicRateLimit) {
        this.publicRateLimit = publicRateLimit;
    }
}
