package cn.tongban.review.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.web.InvalidField;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small rules of the workbench that need no engine: masking and the model's rejections. */
class WorkbenchPartsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    @Test
    void theListShowsTheFirstCharacterOfANameOnly() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name(" 欧阳娜娜 ")).isEqualTo("欧***");
        assertThat(Masking.name("王")).isEqualTo("王*");
        assertThat(Masking.name("𠀀明")).isEqualTo("𠀀*");
        assertThat(Masking.name(" ")).isNull();
        assertThat(Masking.name(42)).isNull();
    }

    @Test
    void theListShowsAnIdNumberMaskedAsTheFormsModuleMasksIt() {
        assertThat(Masking.idNumber("410105196503121025", TODAY)).isEqualTo("4101**********1025");
        assertThat(Masking.idNumber("41010519800704201x", TODAY)).isEqualTo("4101**********201X");
        // not a valid number: only the last four characters
        assertThat(Masking.idNumber("410105196503121026", TODAY)).isEqualTo("**************1026");
        assertThat(Masking.idNumber("H1234", TODAY)).isEqualTo("*1234");
        assertThat(Masking.idNumber("123", TODAY)).isEqualTo("***");
        assertThat(Masking.idNumber(null, TODAY)).isNull();
    }

    @Test
    void aModelsRejectionIsSplitIntoTheFieldsItNames() {
        Set<String> fields = Set.of("identityVerified", "declarationSigned", "livingSubsidyOutcome");

        assertThat(Workbench.rejection("identityVerified: 须核对证件; declarationSigned: 须签署声明", fields))
                .containsExactly(new InvalidField("identityVerified", "须核对证件"),
                        new InvalidField("declarationSigned", "须签署声明"));
        assertThat(Workbench.rejection("livingSubsidyOutcome must be 'approved' or 'refused', was 'x'", fields))
                .containsExactly(new InvalidField("livingSubsidyOutcome",
                        "livingSubsidyOutcome must be 'approved' or 'refused', was 'x'"));
        assertThat(Workbench.rejection("ENGINE-1: other: no", fields))
                .containsExactly(new InvalidField("variables", "ENGINE-1: other: no"));
        assertThat(Workbench.rejection(null, fields)).extracting(InvalidField::field).containsExactly("variables");
    }
}
