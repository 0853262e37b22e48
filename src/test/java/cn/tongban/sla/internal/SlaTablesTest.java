package cn.tongban.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The export writers: CSV as RFC 4180 asks, guarded against formulas, and an .xlsx that POI reads back. */
class SlaTablesTest {

    private static final SlaTables.Table TABLE = new SlaTables.Table("超期记录", List.of("受理编号", "意见", "次数", "率"),
            List.of(Arrays.asList("DB-20250303-0001", "=HYPERLINK(\"http://evil\")", 2L, new BigDecimal("0.5000")),
                    Arrays.asList("-2+3", "他说：\"尽快\"，\r\n今天", 0L, null),
                    Arrays.asList("@SUM(A1)", OffsetDateTime.parse("2025-03-06T17:30+08:00"), 1L, BigDecimal.ONE)));

    @Test
    void csvStartsWithAByteOrderMarkAndQuotesAsRfc4180Asks() {
        String text = new String(SlaTables.csv(TABLE), StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFF受理编号,意见,次数,率\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(6);
        assertThat(text).contains("DB-20250303-0001,\"'=HYPERLINK(\"\"http://evil\"\")\",2,0.5000\r\n");
        assertThat(text).contains("'-2+3,\"他说：\"\"尽快\"\"，\r\n今天\",0,\r\n");
        assertThat(text).contains("'@SUM(A1),2025-03-06T17:30:00+08:00,1,1\r\n");
    }

    @Test
    void formulaLikeTextIsPrefixedAndOtherTextIsNot() {
        assertThat(SlaTables.csvCell("=1+1")).isEqualTo("'=1+1");
        assertThat(SlaTables.csvCell("+86 138")).isEqualTo("'+86 138");
        assertThat(SlaTables.csvCell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SlaTables.csvCell("金水区")).isEqualTo("金水区");
        assertThat(SlaTables.csvCell(-3L)).isEqualTo("-3");
        assertThat(SlaTables.csvCell(null)).isEmpty();
    }

    @Test
    void xlsxHoldsNumbersAsNumbersAndTextAsText() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(SlaTables.xlsx(TABLE)))) {
            var sheet = workbook.getSheet("超期记录");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("意见");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(2.0);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(0.5);
            assertThat(sheet.getRow(2).getCell(3)).isNull();
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("2025-03-06T17:30:00+08:00");
        }
    }
}
