package harvest.sms;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;

/** How texts are sent ({@code harvest.sms.*}); the Twilio account is {@code harvest.sms.twilio.*}. */
@ConfigurationProperties("harvest.sms")
public class SmsSettings {
    private boolean workerEnabled = true;
    private int batchSize = 50;
    /** Texts a second for each sender; Twilio's default for a long code is one a second. */
    private double ratePerSecond = 1;
    private int maxAttempts = 6;
    private Duration backoff = Duration.ofSeconds(30);
    private Duration lease = Duration.ofMinutes(2);
    private Duration validity = Duration.ofHours(12);
    private LocalTime quietStart = LocalTime.of(22, 0);
    private LocalTime quietEnd = LocalTime.of(6, 0);
    private int dailyCap = 10;
    private int maxSegments = 6;
    /** Broadcast texts one account may queue a day: a stolen or careless account cannot run up the bill. */
    private int accountDailyBroadcasts = 3000;
    /** For a broadcast's cost estimate: what the provider charges a part (Twilio, to China, 2026). */
    private BigDecimal pricePerSegment = new BigDecimal("0.0510");
    private String currency = "USD";

    public boolean isWorkerEnabled() {
        return workerEnabled;
    }

    public void setWorkerEnabled(boolean workerEnabled) {
        this.workerEnabled = workerEnabled;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public double getRatePerSecond() {
        return ratePerSecond;
    }

    public void setRatePerSecond(double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getBackoff() {
        return backoff;
    }

    public void setBackoff(Duration backoff) {
        this.backoff = backoff;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getValidity() {
        return validity;
    }

    public void setValidity(Duration validity) {
        this.validity = validity;
    }

    public LocalTime getQuietStart() {
        return quietStart;
    }

    public void setQuietStart(LocalTime quietStart) {
        this.quietStart = quietStart;
    }

    public LocalTime getQuietEnd() {
        return quietEnd;
    }

    public void setQuietEnd(LocalTime quietEnd) {
        this.quietEnd = quietEnd;
    }

    public int getDailyCap() {
        return dailyCap;
    }

    public void setDailyCap(int dailyCap) {
        this.dailyCap = dailyCap;
    }

    public BigDecimal getPricePerSegment() {
        return pricePerSegment;
    }

    public void setPricePerSegment(BigDecimal pricePerSegment) {
        this.pricePerSegment = pricePerSegment;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public int getAccountDailyBroadcasts() {
        return accountDailyBroadcasts;
    }

    public void setAccountDailyBroadcasts(int accountDailyBroadcasts) {
        this.accountDailyBroadcasts = accountDailyBroadcasts;
    }

    public int getMaxSegments() {
        return maxSegments;
    }

    public void setMaxSegments(int maxSegments) {
        this.maxSegments = maxSegments;
    }
}
