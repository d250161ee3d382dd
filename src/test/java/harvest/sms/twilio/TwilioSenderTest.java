package harvest.sms.twilio;

import com.twilio.http.TwilioRestClient;
import harvest.sms.outbox.SmsStatus;
import harvest.testing.FakeTwilio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The real Twilio SDK, talking to a local fake of Twilio's REST API. */
class TwilioSenderTest {
    private final FakeTwilio twilio = new FakeTwilio();
    private final TwilioSender sender = sender("+15005550006", null);

    private TwilioSender sender(String from, String messagingService) {
        TwilioSettings settings = new Account(FakeTwilio.ACCOUNT, FakeTwilio.TOKEN, from, messagingService, null, null);
        TwilioRestClient client = new TwilioRestClient.Builder(FakeTwilio.ACCOUNT, FakeTwilio.TOKEN)
                .httpClient(new RebasedHttpClient(twilio.baseUrl())).build();
        return new TwilioSender(client, settings);
    }

    /** Components named as the interface's getters, so that the record implements it as it stands. */
    private record Account(String getAccountSid, String getAuthToken, String getFrom, String getMessagingServiceSid,
                           String getApiBaseUrl, String getWebhookBaseUrl) implements TwilioSettings {
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void a_text_is_posted_with_the_account_the_sender_and_the_body() {
        SmsSender.Outcome outcome = sender.send(new SmsSender.Text(1, "+8613800000001", "【三夏调度】明日作业", Instant.now()));

        assertThat(outcome).isInstanceOfSatisfying(SmsSender.Accepted.class, accepted -> {
            assertThat(accepted.sid()).startsWith("SM");
            assertThat(accepted.status()).isEqualTo(SmsStatus.SENT);
            assertThat(accepted.segments()).isEqualTo(1);
        });
        assertThat(twilio.created()).singleElement().satisfies(form -> {
            assertThat(form).containsEntry("To", "+8613800000001").containsEntry("From", "+15005550006")
                    .containsEntry("Body", "【三夏调度】明日作业").containsEntry("Account", FakeTwilio.ACCOUNT);
        });
    }

    @Test
    void a_messaging_service_may_send_instead_of_a_number() {
        sender(null, "MG00000000000000000000000000000001").send(new SmsSender.Text(1, "+8613800000001", "hello", Instant.now()));

        assertThat(twilio.created()).singleElement()
                .satisfies(form -> assertThat(form).containsEntry("MessagingServiceSid", "MG00000000000000000000000000000001"));
    }

    @Test
    void an_invalid_number_or_an_opted_out_one_is_permanent_and_throttling_or_an_outage_is_transient() {
        twilio.failNext(400, 21211);
        twilio.failNext(400, 21610);
        SmsSender.Text text = new SmsSender.Text(1, "+8613800000001", "hello", Instant.now());

        assertThat(sender.send(text)).isEqualTo(new SmsSender.Permanent(21211, "scripted failure 21211"));
        assertThat(sender.send(text)).isInstanceOfSatisfying(SmsSender.Permanent.class, p -> assertThat(p.code()).isEqualTo(21610));

        for (int i = 0; i < 10; i++) {
            twilio.failNext(503, 20503);
        }
        assertThat(sender.send(text)).isInstanceOf(SmsSender.Transient.class);
        assertThat(twilio.created()).as("nothing got through").isEmpty();
    }

    @Test
    void a_text_left_in_doubt_is_found_in_twilios_list_by_number_and_body() {
        Instant queued = Instant.now().minusSeconds(5);
        sender.send(new SmsSender.Text(7, "+8613800000007", "first", queued));
        sender.send(new SmsSender.Text(8, "+8613800000007", "second", queued));

        assertThat(sender.find(new SmsSender.Text(8, "+8613800000007", "second", queued), sid -> false))
                .hasValueSatisfying(found -> assertThat(found.sid()).isEqualTo(twilio.created().get(1).get("Sid")));
        assertThat(sender.find(new SmsSender.Text(9, "+8613800000007", "never sent", queued), sid -> false)).isEmpty();
    }

    @Test
    void the_same_body_sent_twice_is_found_only_where_no_other_text_holds_it() {
        Instant queued = Instant.now().minusSeconds(5);
        SmsSender.Text repeated = new SmsSender.Text(10, "+8613800000010", "storm tonight", queued);
        sender.send(repeated);
        sender.send(repeated);
        String first = twilio.created().get(0).get("Sid");
        String second = twilio.created().get(1).get("Sid");

        assertThat(sender.find(repeated, first::equals)).hasValueSatisfying(found -> assertThat(found.sid()).isEqualTo(second));
        assertThat(sender.find(repeated, second::equals)).hasValueSatisfying(found -> assertThat(found.sid()).isEqualTo(first));
        assertThat(sender.find(repeated, sid -> sid.equals(first) || sid.equals(second))).isEmpty();
    }

    @Test
    void a_text_taken_within_the_second_it_was_queued_is_found_though_twilio_keeps_whole_seconds() {
        // early in a second, so the send lands in the second the text was queued in, after the queue time
        await().pollInterval(Duration.ofMillis(5)).until(() -> Instant.now().getNano() > 200_000_000 && Instant.now().getNano() < 600_000_000);
        SmsSender.Text text = new SmsSender.Text(11, "+8613800000011", "same second", Instant.now());
        sender.send(text);

        assertThat(twilio.created().get(0).get("DateCreated")).endsWith("+0000");
        assertThat(sender.find(text, sid -> false)).isPresent();
        assertThat(sender.find(new SmsSender.Text(12, "+8613800000011", "same second", Instant.now().plusSeconds(2)), sid -> false))
                .as("a message from before a text was queued is not that text").isEmpty();
    }

    @Test
    void a_send_twilio_took_but_never_answered_is_in_doubt_and_found_later() {
        SmsSender.Text text = new SmsSender.Text(13, "+8613800000013", "no answer", Instant.now().minusSeconds(1));
        twilio.takeWithoutAnswer(1);

        assertThat(sender.send(text)).isInstanceOf(SmsSender.Unanswered.class);
        assertThat(sender.find(text, sid -> false)).hasValueSatisfying(found -> assertThat(found.sid()).isEqualTo(twilio.created().get(0).get("Sid")));
    }

    @Test
    void the_lookup_reads_past_twilios_first_page() {
        Instant queued = Instant.now().minusSeconds(5);
        sender.send(new SmsSender.Text(14, "+8613800000014", "the oldest", queued));
        for (int i = 0; i < 60; i++) {
            sender.send(new SmsSender.Text(15 + i, "+8613800000014", "later " + i, queued));
        }

        assertThat(sender.find(new SmsSender.Text(14, "+8613800000014", "the oldest", queued), sid -> false)).isPresent();
    }
}
