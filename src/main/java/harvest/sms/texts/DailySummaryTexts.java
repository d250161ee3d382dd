package harvest.sms.texts;

import harvest.dispatch.BureauLeaders;
import harvest.dispatch.report.DailyReport;
import harvest.dispatch.report.DailyReports;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import harvest.system.DistrictTime;
import harvest.system.cluster.ClusterJob;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Each evening the bureau's leaders get the day's dispatch numbers, district-wide. */
@Singleton
public class DailySummaryTexts implements ClusterJob {
    private final DailyReports reports;
    private final BureauLeaders leaders;
    private final SmsOutbox outbox;
    private final SmsSettings settings;
    private final Clock clock;
    private final String cron;

    public DailySummaryTexts(DailyReports reports, BureauLeaders leaders, SmsOutbox outbox, SmsSettings settings, Clock clock,
                             @Value("${harvest.dispatch.summary-cron:0 0 20 * * *}") String cron) {
        this.cron = cron;
        this.reports = reports;
        this.leaders = leaders;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "leaders-daily-summary";
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron(cron, DistrictTime.ZONE);
    }

    @Override
    public void run() {
        queueFor(LocalDate.now(clock));
    }

    /** Queues the summary of {@code day} to every configured leader; returns how many texts. */
    @Transactional
    public int queueFor(LocalDate day) {
        if (leaders.phones().isEmpty()) {
            return 0;
        }
        DailyReport report = reports.report(day);
        String body = new SmsTemplates(settings.getMaxSegments()).dailySummary(SmsLanguage.ZH, day, report.district());
        List<SmsOutbox.NewText> texts = leaders.phones().stream().map(phone -> new SmsOutbox.NewText(SmsKind.DAILY_SUMMARY,
                SmsRecipient.LEADER, "leader", phone, SmsLanguage.ZH, body, false, null)).toList();
        outbox.queue(texts, settings.getValidity());
        return texts.size();
    }
}
