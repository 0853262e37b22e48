package cn.tongban.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    @Test
    void readsBirthDateAndSexOfAValidNumber() {
        ResidentIdNumber man = ResidentIdNumber.parse("410105199503081231").orElseThrow();
        ResidentIdNumber woman = ResidentIdNumber.parse("440106199707210025").orElseThrow();

        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1995, 3, 8));
        assertThat(man.male()).isTrue();
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1997, 7, 21));
        assertThat(woman.male()).isFalse();
    }

    @Test
    void acceptsALowerCaseCheckCharacterX() {
        assertThat(ResidentIdNumber.parse("41010519950308124x")).map(ResidentIdNumber::value)
                .contains("41010519950308124X");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "410105199503081232", // wrong check digit
            "41010519950308124",  // 17 characters
            "4101051995030812311", // 19 characters
            "410105199502301239", // 30 February, check digit right
            "41010519950308123A", // a letter other than X
            ""})
    void refusesWhatIsNotAValidNumber(String value) {
        assertThat(ResidentIdNumber.parse(value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "410105200106101230, 2023-06-09, false", // man, one day before his 22nd birthday
            "410105200106101230, 2023-06-10, true",  // man, on his 22nd birthday
            "440106200308150024, 2023-08-14, false", // woman, one day before her 20th birthday
            "440106200308150024, 2023-08-15, true"})
    void legalMarriageAgeIs22ForMenAnd20ForWomen(String number, LocalDate day, boolean reached) {
        assertThat(ResidentIdNumber.parse(number).orElseThrow().reachesMarriageAgeOn(day)).isEqualTo(reached);
    }
}
