package harvest.sms.twilio;

import com.twilio.http.TwilioRestClient;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Twilio when an account and a sender are configured, the sandbox otherwise. */
@Factory
public class SmsSenderFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SmsSenderFactory.class);

    @Singleton
    SmsSender smsSender(TwilioSettings twilio) {
        if (!twilio.configured()) {
            LOG.info("no Twilio account configured: texts go to the sandbox and are marked SIMULATED");
            return new SandboxSender();
        }
        TwilioRestClient.Builder client = new TwilioRestClient.Builder(twilio.getAccountSid(), twilio.getAuthToken());
        twilio.apiBaseUrlIfSet().ifPresent(base -> client.httpClient(new RebasedHttpClient(base)));
        return new TwilioSender(client.build(), twilio);
    }
}
