package harvest.sms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;

/** How texts are sent ({@code harvest.sms.*}); the Twilio account is {@code harvest.sms.twilio.*}. */
@ConfigurationProperties("harvest.sms")
public interface SmsSettings {
    @Bindable(defaultValue = "true")
    boolean isWorkerEnabled();

    @Bindable(defaultValue = "50")
    int getBatchSize();

    /** Texts a second for each sender; Twilio's default for a long code is one a second. */
    @Bindable(defaultValue = "1")
    double getRatePerSecond();

    @Bindable(defaultValue = "6")
    int getMaxAttempts();

    @Bindable(defaultValue = "PT30S")
    Duration getBackoff();

    @Bindable(defaultValue = "PT2M")
    Duration getLease();

    @Bindable(defaultValue = "PT12H")
    Duration getValidity();

    @Bindable(defaultValue = "22:00")
    LocalTime getQuietStart();

    @Bindable(defaultValue = "06:00")
    LocalTime getQuietEnd();

    @Bindable(defaultValue = "10")
    int getDailyCap();

    @Bindable(defaultValue = "6")
    int getMaxSegments();

    /** Broadcast texts one account may queue a day: a stolen or careless account cannot run up the bill. */
    @Bindable(defaultValue = "3000")
    int getAccountDailyBroadcasts();

    /** For a broadcast's cost estimate: what the provider charges a part (Twilio, to China, 2026). */
    @Bindable(defaultValue = "0.0510")
    BigDecimal getPricePerSegment();

    @Bindable(defaultValue = "USD")
    String getCurrency();
}
