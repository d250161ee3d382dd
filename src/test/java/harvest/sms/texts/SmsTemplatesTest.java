package harvest.sms.texts;

import harvest.sms.outbox.Segments;
import harvest.sms.outbox.SmsLanguage;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTemplatesTest {
    private static final OffsetDateTime MORNING = OffsetDateTime.parse("2023-05-29T06:30:00+08:00");

    @Test
    void plain_english_is_gsm_7_at_160_a_part_and_chinese_is_ucs_2_at_70() {
        assertThat(Segments.of("a".repeat(160))).isEqualTo(new Segments("GSM-7", 1));
        assertThat(Segments.of("a".repeat(161))).isEqualTo(new Segments("GSM-7", 2));
        assertThat(Segments.of("€".repeat(80))).as("extension characters count twice").isEqualTo(new Segments("GSM-7", 1));
        assertThat(Segments.of("€".repeat(81))).isEqualTo(new Segments("GSM-7", 2));
        assertThat(Segments.of("收".repeat(70))).isEqualTo(new Segments("UCS-2", 1));
        assertThat(Segments.of("收".repeat(71))).isEqualTo(new Segments("UCS-2", 2));
        assertThat(Segments.of("a".repeat(306))).isEqualTo(new Segments("GSM-7", 2));
        assertThat(Segments.of("a".repeat(307))).isEqualTo(new Segments("GSM-7", 3));
    }

    @Test
    void a_farmer_who_reads_english_gets_english() {
        String text = new SmsTemplates(6).fieldNotice(SmsLanguage.EN, "Li Ming", List.of(new SmsTemplates.Harvest("North plot",
                MORNING, MORNING.plusHours(2), "YuK12345", "+8613900000001", "Dryer 3")));

        assertThat(text).isEqualTo("Harvest dispatch: dear Li Ming, your fields are planned: North plot 29 May 06:30-08:30 combine"
                + " YuK12345 operator +8613900000001 grain to Dryer 3; Reply 1 to confirm, 2 to reschedule, STOP to opt out");
        assertThat(Segments.of(text).encoding()).isEqualTo("GSM-7");
    }

    @Test
    void a_long_day_lists_what_fits_in_the_allowed_parts_and_says_how_many_more() {
        List<SmsTemplates.Job> jobs = IntStream.range(0, 30).mapToObj(i -> new SmsTemplates.Job(MORNING.plusHours(i % 12),
                "王庄" + i + "号地", 12.5, "王大海", "+8613900000002", "一号烘干塔")).toList();

        String text = new SmsTemplates(3).itinerary(SmsLanguage.ZH, "豫K12345", "张师傅", MORNING, jobs, "东关救助站");

        assertThat(Segments.of(text).count()).isLessThanOrEqualTo(3);
        assertThat(text).startsWith("【三夏调度】豫K12345 张师傅：5月29日作业30块：06:30 王庄0号地 12.5亩 王大海 +8613900000002 送一号烘干塔；")
                .containsPattern("等另\\d+块；急救点：东关救助站。回复1确认$");
    }
}
