package harvest.sms.texts;

import harvest.dispatch.DispatchSettings;
import harvest.dispatch.report.DailyReport;
import harvest.dispatch.report.DailyReports;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Each evening the bureau's leaders get the day's dispatch numbers, district-wide. */
@Singleton
public class DailySummaryTexts {
    private final DailyReports reports;
    private final DispatchSettings dispatch;
    private final SmsOutbox outbox;
    private final SmsSettings settings;
    private final Clock clock;

    public DailySummaryTexts(DailyReports reports, DispatchSettings dispatch, SmsOutbox outbox, SmsSettings settings, Clock clock) {
        this.reports = reports;
        this.dispatch = dispatch;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${harvest.dispatch.summary-cron:0 0 20 * * *}", zoneId = "Asia/Shanghai")
    void tonight() {
        queueFor(LocalDate.now(clock));
    }

    /** Queues the summary of {@code day} to every configured leader; returns how many texts. */
    @Transactional
    public int queueFor(LocalDate day) {
        if (dispatch.getLeaderPhones().isEmpty()) {
            return 0;
        }
        DailyReport report = reports.report(day);
        String body = new SmsTemplates(settings.getMaxSegments()).dailySummary(SmsLanguage.ZH, day, report.district());
        List<SmsOutbox.NewText> texts = dispatch.getLeaderPhones().stream().map(phone -> new SmsOutbox.NewText(SmsKind.DAILY_SUMMARY,
                SmsRecipient.LEADER, "leader", phone, SmsLanguage.ZH, body, false, null)).toList();
        outbox.queue(texts, settings.getValidity());
        return texts.size();
    }
}
