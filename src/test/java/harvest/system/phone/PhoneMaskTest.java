package harvest.system.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneMaskTest {
    @Test
    void a_number_keeps_its_country_code_first_three_and_last_four_digits() {
        assertThat(PhoneNumbers.mask("+8613812345678")).isEqualTo("+86138****5678");
        assertThat(PhoneNumbers.mask("+442079460958")).isEqualTo("+4420****0958");
        assertThat(PhoneNumbers.mask("+14155552671")).isEqualTo("+141****2671");
    }

    @Test
    void numbers_inside_text_are_masked_wherever_they_stand() {
        assertThat(PhoneNumbers.mask("text 17 to +8613812345678 failed: 21211"))
                .isEqualTo("text 17 to +86138****5678 failed: 21211");
        assertThat(PhoneNumbers.mask("from +8613812345678, +8613987654321 and 'To' +14155552671."))
                .isEqualTo("from +86138****5678, +86139****4321 and 'To' +141****2671.");
        assertThat(PhoneNumbers.mask("GET /api/v1/sms/messages?phone=%2B8613812345678&size=500"))
                .isEqualTo("GET /api/v1/sms/messages?phone=%2B86138****5678&size=500");
    }

    @Test
    void chinese_text_around_a_number_does_not_hide_it() {
        assertThat(PhoneNumbers.mask("农户电话+8613812345678已停机")).isEqualTo("农户电话+86138****5678已停机");
        assertThat(PhoneNumbers.mask("请回电13812345678，谢谢")).isEqualTo("请回电138****5678，谢谢");
    }

    @Test
    void dates_amounts_ids_and_times_stay_as_they_are() {
        String untouched = "2023-05-28T06:00:00+08:00 plan 12345678 field F0001 P000123#1 amount 1234.5 "
                + "+1234.5 mu 13812345678.25 t 1685224800000 delta +42 sid SM13812345678 code 21211";
        assertThat(PhoneNumbers.mask(untouched)).isEqualTo(untouched);
        assertThat(PhoneNumbers.mask(null)).isNull();
    }
}
