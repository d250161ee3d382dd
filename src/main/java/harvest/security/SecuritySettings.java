package harvest.security;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Token lifetimes and sign-in limits ({@code harvest.security.*}). */
@ConfigurationProperties("harvest.security")
public class SecuritySettings {
    /** Short, so a revoked session or a changed role takes effect soon even for a token copied elsewhere. */
    private Duration accessTokenTtl = Duration.ofMinutes(15);
    /** A dispatcher's working day. */
    private Duration staffSessionTtl = Duration.ofHours(12);
    /** Farmers and operators should not have to sign in again during the harvest. */
    private Duration mobileSessionTtl = Duration.ofDays(30);
    private Duration codeTtl = Duration.ofMinutes(5);
    private int codesPerNumberPerHour = 3;
    private int codesPerNumberPerDay = 10;
    private int codesPerDay = 2000;
    private int codesPerClientPerHour = 20;
    private int signInsPerClientPerMinute = 10;
    /** Many app users share a carrier's address, and a refresh token is 256 random bits: this only stops floods. */
    private int refreshesPerClientPerMinute = 600;
    /** Wrong passwords in a row from one address that lock the username there. */
    private int staffFailuresBeforeLock = 10;
    /** Wrong passwords within an hour, from all addresses together, that lock the username everywhere (NIST's 100). */
    private int staffFailuresPerAccountPerHour = 100;
    private Duration staffLock = Duration.ofMinutes(15);

    public Duration getAccessTokenTtl() {
        return accessTokenTtl;
    }

    public void setAccessTokenTtl(Duration accessTokenTtl) {
        this.accessTokenTtl = accessTokenTtl;
    }

    public Duration getStaffSessionTtl() {
        return staffSessionTtl;
    }

    public void setStaffSessionTtl(Duration staffSessionTtl) {
        this.staffSessionTtl = staffSessionTtl;
    }

    public Duration getMobileSessionTtl() {
        return mobileSessionTtl;
    }

    public void setMobileSessionTtl(Duration mobileSessionTtl) {
        this.mobileSessionTtl = mobileSessionTtl;
    }

    public Duration getCodeTtl() {
        return codeTtl;
    }

    public void setCodeTtl(Duration codeTtl) {
        this.codeTtl = codeTtl;
    }

    public int getCodesPerNumberPerHour() {
        return codesPerNumberPerHour;
    }

    public void setCodesPerNumberPerHour(int codesPerNumberPerHour) {
        this.codesPerNumberPerHour = codesPerNumberPerHour;
    }

    public int getCodesPerNumberPerDay() {
        return codesPerNumberPerDay;
    }

    public void setCodesPerNumberPerDay(int codesPerNumberPerDay) {
        this.codesPerNumberPerDay = codesPerNumberPerDay;
    }

    public int getCodesPerDay() {
        return codesPerDay;
    }

    public void setCodesPerDay(int codesPerDay) {
        this.codesPerDay = codesPerDay;
    }

    public int getCodesPerClientPerHour() {
        return codesPerClientPerHour;
    }

    public void setCodesPerClientPerHour(int codesPerClientPerHour) {
        this.codesPerClientPerHour = codesPerClientPerHour;
    }

    public int getSignInsPerClientPerMinute() {
        return signInsPerClientPerMinute;
    }

    public void setSignInsPerClientPerMinute(int signInsPerClientPerMinute) {
        this.signInsPerClientPerMinute = signInsPerClientPerMinute;
    }

    public int getRefreshesPerClientPerMinute() {
        return refreshesPerClientPerMinute;
    }

    public void setRefreshesPerClientPerMinute(int refreshesPerClientPerMinute) {
        this.refreshesPerClientPerMinute = refreshesPerClientPerMinute;
    }

    public int getStaffFailuresBeforeLock() {
        return staffFailuresBeforeLock;
    }

    public void setStaffFailuresBeforeLock(int staffFailuresBeforeLock) {
        this.staffFailuresBeforeLock = staffFailuresBeforeLock;
    }

    public int getStaffFailuresPerAccountPerHour() {
        return staffFailuresPerAccountPerHour;
    }

    public void setStaffFailuresPerAccountPerHour(int staffFailuresPerAccountPerHour) {
        this.staffFailuresPerAccountPerHour = staffFailuresPerAccountPerHour;
    }

    public Duration getStaffLock() {
        return staffLock;
    }

    public void setStaffLock(Duration staffLock) {
        this.staffLock = staffLock;
    }
}
