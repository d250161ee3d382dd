package harvest.sms.inbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntentTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1                 | CONFIRM
            １                | CONFIRM
            确认！            | CONFIRM
            ok                | CONFIRM
            ＯＫ 明早到        | CONFIRM
            okay              | UNKNOWN
            12                | UNKNOWN
            2                 | RESCHEDULE
            改期，麦子没熟     | RESCHEDULE
            完成              | DONE
            Done.             | DONE
            坏了，割台卡住     | BREAKDOWN
            故障              | BREAKDOWN
            breakdown         | BREAKDOWN
            TD                | STOP
            ｔｄ              | STOP
            退订              | STOP
            Stop              | STOP
            START             | START
            帮助              | HELP
            help?             | HELP
            明天下雨吗         | UNKNOWN
            stopwatch         | UNKNOWN
            """)
    void replies_are_read_in_chinese_and_english_at_any_case_and_width(String body, Intent intent) {
        assertThat(Intent.of(body)).isEqualTo(intent);
    }
}
