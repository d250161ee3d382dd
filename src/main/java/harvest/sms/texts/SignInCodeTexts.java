package harvest.sms.texts;

import harvest.security.mobile.CodeTexts;
import harvest.security.mobile.Holdings;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/** Sign-in codes through the outbox: masked where the text is stored and shown, filled in only when sent. */
@Singleton
class SignInCodeTexts implements CodeTexts {
    private final SmsOutbox outbox;
    private final SmsSettings settings;

    SignInCodeTexts(SmsOutbox outbox, SmsSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public void send(String phone, Holdings holdings, String code, Duration ttl) {
        outbox.forgetSecrets(phone);
        recipient(holdings).ifPresent(recipient -> outbox.queueSecret(new SmsOutbox.NewText(SmsKind.SIGN_IN_CODE,
                recipient.role(), recipient.code(), phone, SmsLanguage.ZH,
                new SmsTemplates(settings.getMaxSegments()).signInCode(SmsLanguage.ZH, SmsOutbox.SECRET, ttl.toMinutes()), true, null), code, ttl));
    }

    @Override
    public void forget(String phone) {
        outbox.forgetSecrets(phone);
    }

    @Override
    public void forgetOlderThan(Duration age) {
        outbox.forgetSecretsOlderThan(age);
    }

    private record Recipient(SmsRecipient role, String code) {
    }

    /** The text is filed under the first thing the number holds, in the order the app's roles are listed. */
    private static Optional<Recipient> recipient(Holdings holdings) {
        if (!holdings.machines().isEmpty()) {
            return Optional.of(new Recipient(SmsRecipient.OPERATOR, holdings.machines().getFirst()));
        }
        if (!holdings.farmers().isEmpty()) {
            return Optional.of(new Recipient(SmsRecipient.FARMER, holdings.farmers().getFirst()));
        }
        if (!holdings.teams().isEmpty()) {
            return Optional.of(new Recipient(SmsRecipient.TEAM_LEADER, holdings.teams().getFirst()));
        }
        return holdings.dryingSites().stream().findFirst().map(site -> new Recipient(SmsRecipient.DRYING_SITE, site));
    }
}
