package cn.tongban.review.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarriageFactsTest {

    private final MarriageFacts facts = new MarriageFacts();

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "410105200106101230, 2023-06-09, false", // man, one day before his 22nd birthday
            "410105200106101230, 2023-06-10, true",  // man, on his 22nd birthday
            "440106200308150024, 2023-08-14, false", // woman, one day before her 20th birthday
            "440106200308150024, 2023-08-15, true"})
    void legalMarriageAgeIs22ForMenAnd20ForWomen(String number, String day, boolean reached) {
        assertThat(facts.reachesMarriageAge(number, day)).isEqualTo(reached);
    }

    @Test
    void aNumberWithAWrongCheckDigitIsNoFact() {
        assertThatThrownBy(() -> facts.reachesMarriageAge("410105200106101231", "2023-06-10"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
