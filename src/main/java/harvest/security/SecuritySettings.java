package harvest.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** Token lifetimes and sign-in limits ({@code harvest.security.*}). */
@ConfigurationProperties("harvest.security")
public interface SecuritySettings {
    /** Short, so a revoked session or a changed role takes effect soon even for a token copied elsewhere. */
    @Bindable(defaultValue = "PT15M")
    Duration getAccessTokenTtl();

    /** A dispatcher's working day. */
    @Bindable(defaultValue = "PT12H")
    Duration getStaffSessionTtl();

    /** Farmers and operators should not have to sign in again during the harvest. */
    @Bindable(defaultValue = "P30D")
    Duration getMobileSessionTtl();

    @Bindable(defaultValue = "PT5M")
    Duration getCodeTtl();

    @Bindable(defaultValue = "3")
    int getCodesPerNumberPerHour();

    @Bindable(defaultValue = "10")
    int getCodesPerNumberPerDay();

    @Bindable(defaultValue = "2000")
    int getCodesPerDay();

    @Bindable(defaultValue = "20")
    int getCodesPerClientPerHour();

    @Bindable(defaultValue = "10")
    int getSignInsPerClientPerMinute();

    /** Many app users share a carrier's address, and a refresh token is 256 random bits: this only stops floods. */
    @Bindable(defaultValue = "600")
    int getRefreshesPerClientPerMinute();

    /** Wrong passwords in a row from one address that lock the username there. */
    @Bindable(defaultValue = "10")
    int getStaffFailuresBeforeLock();

    /** Wrong passwords within an hour, from all addresses together, that lock the username everywhere (NIST's 100). */
    @Bindable(defaultValue = "100")
    int getStaffFailuresPerAccountPerHour();

    @Bindable(defaultValue = "PT15M")
    Duration getStaffLock();
}
