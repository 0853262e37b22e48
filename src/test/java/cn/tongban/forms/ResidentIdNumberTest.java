package cn.tongban.forms;

import static cn.tongban.forms.FormTestSupport.TODAY;
import static cn.tongban.forms.IdNumbers.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import cn.tongban.forms.ResidentIdNumber.Defect;
import cn.tongban.forms.ResidentIdNumber.Gender;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002X", // the example of the national standard
            "410105199001011230", "440308200002290027", "650102197512310033", "820000201001010041"})
    void acceptsValidNumbers(String first18) {
        // the last four are built here: their check characters come from the test's own MOD 11-2 computation
        String number = first18.equals("11010519491231002X") ? first18 : withCheckCharacter(first18.substring(0, 17));
        assertThat(ResidentIdNumber.defect(number, TODAY)).isEmpty();
        assertThat(ResidentIdNumber.parse(number, TODAY).value()).isEqualTo(number);
    }

    @Test
    void theStandardsExampleHasCheckCharacterX() {
        assertThat(withCheckCharacter("11010519491231002")).isEqualTo("11010519491231002X");
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void readsBirthDateGenderRegionAndMasks() {
        ResidentIdNumber woman = ResidentIdNumber.parse("11010519491231002X", TODAY);
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(woman.gender()).isEqualTo(Gender.FEMALE);
        assertThat(woman.regionCode()).isEqualTo("110105");
        assertThat(woman.masked()).isEqualTo("1101**********002X");

        ResidentIdNumber man = ResidentIdNumber.parse(withCheckCharacter("41010519900101123"), TODAY);
        assertThat(man.gender()).isEqualTo(Gender.MALE);
        assertThat(man.masked()).startsWith("4101**********123").hasSize(18);
        assertThat(man.toString()).isEqualTo(man.masked()).doesNotContain("19900101");
    }

    @Test
    void lowerCaseXIsReadAsUpperCase() {
        ResidentIdNumber number = ResidentIdNumber.parse("11010519491231002x", TODAY);
        assertThat(number.value()).isEqualTo("11010519491231002X");
        assertThat(number).isEqualTo(ResidentIdNumber.parse("11010519491231002X", TODAY));
    }

    @ParameterizedTest
    @CsvSource({
            // wrong check character
            "110105194912310021, CHECK_DIGIT",
            "11010519491231002Y, FORMAT",
            // 30 February 1999
            "41010519990230123, BIRTH_DATE",
            // month 13, day 00, before 1900
            "41010519991301123, BIRTH_DATE",
            "41010519990100123, BIRTH_DATE",
            "41010518991231123, BIRTH_DATE",
            // no province 00 or 99, nor 20 or 83
            "00010519900101123, REGION",
            "99010519900101123, REGION",
            "20010519900101123, REGION",
            "83010519900101123, REGION",
            // born after today (2025-06-16)
            "41010520250617123, FUTURE_BIRTH_DATE",
            "41010520991231123, FUTURE_BIRTH_DATE"})
    void namesTheDefect(String text, Defect defect) {
        // 17-character inputs get a correct check character, so that only the named defect remains
        String number = text.length() == 17 ? withCheckCharacter(text) : text;
        assertThat(ResidentIdNumber.defect(number, TODAY)).contains(defect);
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.parse(number, TODAY))
                .withMessageContaining(defect.name());
    }

    @Test
    void bornTodayIsFine() {
        assertThat(ResidentIdNumber.defect(withCheckCharacter("41010520250616123"), TODAY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "41010519900101123", "4101051990010112345", "41010519900101123 ", " 41010519900101123",
            "4101051990O101123X", "ABCDEFGHIJKLMNOPQR", "４１０１０５１９９００１０１１２３X", "41010519900101123-",
            "4101-5199001011230"})
    void rejectsWhatIsNoEighteenCharacterNumber(String text) {
        assertThat(ResidentIdNumber.defect(text, TODAY)).contains(Defect.FORMAT);
        assertThat(ResidentIdNumber.isValid(text, TODAY)).isFalse();
    }

    @Test
    void nullIsNoNumber() {
        assertThat(ResidentIdNumber.defect(null, TODAY)).contains(Defect.FORMAT);
    }

    @Test
    void checkCharacterNeedsSeventeenDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.checkCharacter("1234"));
        assertThatIllegalArgumentException().isThrownBy(() -> ResidentIdNumber.checkCharacter("1101051949123100A"));
    }
}
