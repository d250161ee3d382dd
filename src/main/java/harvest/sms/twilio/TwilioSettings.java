package harvest.sms.twilio;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * The Twilio account ({@code harvest.sms.twilio.*}, from TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM or
 * TWILIO_MESSAGING_SERVICE_SID). Without an account and a sender the service texts into its sandbox.
 */
@ConfigurationProperties("harvest.sms.twilio")
public class TwilioSettings {
    private String accountSid;
    private String authToken;
    private String from;
    private String messagingServiceSid;
    /** A Twilio-compatible API instead of https://api.twilio.com (a regional relay, or a test server). */
    private String apiBaseUrl;
    /**
     * This service's public base URL as Twilio calls it (behind a proxy, the outside one): webhook signatures are
     * checked against it, and delivery status callbacks are asked for at it.
     */
    private String webhookBaseUrl;

    public boolean configured() {
        return present(accountSid).isPresent() && present(authToken).isPresent()
                && (present(from).isPresent() || present(messagingServiceSid).isPresent());
    }

    /** The settings below come from environment variables that are empty when unset: blank means absent. */
    public Optional<String> authTokenIfSet() {
        return present(authToken);
    }

    public Optional<String> messagingServiceIfSet() {
        return present(messagingServiceSid);
    }

    public Optional<String> apiBaseUrlIfSet() {
        return present(apiBaseUrl);
    }

    /** Without the trailing slash. */
    public Optional<String> webhookBaseUrlIfSet() {
        return present(webhookBaseUrl).map(url -> url.replaceAll("/$", ""));
    }

    private static Optional<String> present(@Nullable String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = accountSid;
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = authToken;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getMessagingServiceSid() {
        return messagingServiceSid;
    }

    public void setMessagingServiceSid(String messagingServiceSid) {
        this.messagingServiceSid = messagingServiceSid;
    }

    public String getWebhookBaseUrl() {
        return webhookBaseUrl;
    }

    public void setWebhookBaseUrl(String webhookBaseUrl) {
        this.webhookBaseUrl = webhookBaseUrl;
    }

    public String getApiBaseUrl() {
        return apiBaseUrl;
    }

    public void setApiBaseUrl(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }
}
