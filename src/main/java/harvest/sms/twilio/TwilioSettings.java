package harvest.sms.twilio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * The Twilio account ({@code harvest.sms.twilio.*}, from TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM or
 * TWILIO_MESSAGING_SERVICE_SID). Without an account and a sender the service texts into its sandbox.
 */
@ConfigurationProperties("harvest.sms.twilio")
interface TwilioSettings {
    @Nullable String getAccountSid();

    @Nullable String getAuthToken();

    @Nullable String getFrom();

    @Nullable String getMessagingServiceSid();

    /** A Twilio-compatible API instead of https://api.twilio.com (a regional relay, or a test server). */
    @Nullable String getApiBaseUrl();

    /**
     * This service's public base URL as Twilio calls it (behind a proxy, the outside one): webhook signatures are
     * checked against it, and delivery status callbacks are asked for at it.
     */
    @Nullable String getWebhookBaseUrl();

    default boolean configured() {
        return EnvValue.of(getAccountSid()).isPresent() && EnvValue.of(getAuthToken()).isPresent()
                && (EnvValue.of(getFrom()).isPresent() || EnvValue.of(getMessagingServiceSid()).isPresent());
    }

    default Optional<String> authTokenIfSet() {
        return EnvValue.of(getAuthToken());
    }

    default Optional<String> messagingServiceIfSet() {
        return EnvValue.of(getMessagingServiceSid());
    }

    default Optional<String> apiBaseUrlIfSet() {
        return EnvValue.of(getApiBaseUrl());
    }

    /** Without the trailing slash. */
    default Optional<String> webhookBaseUrlIfSet() {
        return EnvValue.of(getWebhookBaseUrl()).map(url -> url.replaceAll("/$", ""));
    }

    /**
     * These settings come from environment variables that are empty when unset ({@code ${TWILIO_FROM:}}): blank means
     * absent. A class of its own, as Micronaut allows a configuration interface getters and default methods only.
     */
    final class EnvValue {
        private EnvValue() {
        }

        static Optional<String> of(@Nullable String value) {
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
    }
}
