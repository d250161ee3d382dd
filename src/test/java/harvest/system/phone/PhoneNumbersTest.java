package harvest.system.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumbersTest {
    @Test
    void chinese_mobiles_written_any_way_become_e164() {
        assertThat(PhoneNumbers.toE164("13800138000")).isEqualTo("+8613800138000");
        assertThat(PhoneNumbers.toE164("138 0013 8000")).isEqualTo("+8613800138000");
        assertThat(PhoneNumbers.toE164("+86 138-0013-8000")).isEqualTo("+8613800138000");
        assertThat(PhoneNumbers.toE164("008613800138000")).isEqualTo("+8613800138000");
    }

    @Test
    void foreign_numbers_keep_their_country() {
        assertThat(PhoneNumbers.toE164("+44 20 7946 0958")).isEqualTo("+442079460958");
    }

    @Test
    void numbers_that_cannot_exist_are_invalid() {
        assertThat(PhoneNumbers.isValid("12345")).isFalse();
        assertThat(PhoneNumbers.isValid("+86 123 4567 8901")).isFalse();
        assertThat(PhoneNumbers.isValid("not a phone")).isFalse();
        assertThatThrownBy(() -> PhoneNumbers.toE164("110")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PhoneNumbers.toE164(null)).isNull();
    }
}
