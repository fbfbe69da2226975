package dev.tessera.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactCheckTest {
    @Test
    void oneJapaneseMobileWrittenFourWaysHasOneKey() {
        assertThat(PhoneNumber.parse("090-1234-5678").key()).isEqualTo("09012345678");
        assertThat(PhoneNumber.parse("+81 90 1234 5678").key()).isEqualTo("09012345678");
        assertThat(PhoneNumber.parse("+81 (0)90-1234-5678").key()).isEqualTo("09012345678");
        assertThat(PhoneNumber.parse("０９０ー１２３４ー５６７８").key()).isEqualTo("09012345678");
    }

    @Test
    void aNumberAbroadKeepsItsCountryCodeAndIsKeptAsWritten() {
        PhoneNumber london = PhoneNumber.parse("  +44 20 7946 0958 ");

        assertThat(london.key()).isEqualTo("+442079460958");
        assertThat(london.written()).isEqualTo("+44 20 7946 0958");
    }

    @Test
    void lettersOrTooFewOrTooManyDigitsAreNotAPhoneNumber() {
        assertThatThrownBy(() -> PhoneNumber.parse("090-CALL-ME")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'090-CALL-ME' is not a phone number");
        assertThatThrownBy(() -> PhoneNumber.parse("12-34")).hasMessageContaining("it has 4 digits");
        assertThatThrownBy(() -> PhoneNumber.parse("1234567890123456")).hasMessageContaining("it has 16 digits");
    }

    @Test
    void aSearchKeyIsPartOfANumberOrNothingForWords() {
        assertThat(PhoneNumber.searchKey("+81 90-1234")).isEqualTo("0901234");
        assertThat(PhoneNumber.searchKey("5678")).isEqualTo("5678");
        assertThat(PhoneNumber.searchKey("sato")).isNull();
        assertThat(PhoneNumber.searchKey("A 11")).isNull();
        assertThat(PhoneNumber.searchKey("123")).isNull();
    }

    @Test
    void anEMailAddressNeedsOneAtSignAndADottedDomain() {
        assertThat(EmailAddress.parse(" hana.sato@example.jp ").value()).isEqualTo("hana.sato@example.jp");
        assertThatThrownBy(() -> EmailAddress.parse("hana.sato@example")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'hana.sato@example' is not an e-mail address (name@example.com)");
        assertThatThrownBy(() -> EmailAddress.parse("hana sato@example.jp")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.parse("hana@@example.jp")).isInstanceOf(IllegalArgumentException.class);
    }
}
