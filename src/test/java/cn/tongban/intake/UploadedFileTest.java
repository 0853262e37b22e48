package cn.tongban.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.intake.UploadedFile.FileType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UploadedFileTest {

    @Test
    void theTypeIsReadFromTheSignatureOnly() {
        assertThat(FileType.of("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileType.PDF);
        assertThat(FileType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).contains(FileType.PNG);
        assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB})).contains(FileType.JPEG);
        assertThat(FileType.of("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.of("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).as("an executable").isEmpty();
        assertThat(FileType.of("%PDF-".getBytes(StandardCharsets.US_ASCII))).as("the signature alone").isEmpty();
        assertThat(FileType.of(new byte[0])).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", textBlock = """
            收入证明.pdf                => 收入证明.pdf
            C:\\fakepath\\scan.pdf      => scan.pdf
            ../../etc/passwd            => passwd
            ..                          => attachment
            '   '                       => attachment
            .htaccess                   => htaccess
            """)
    void aNameKeepsItsLastPartOnly(String given, String kept) {
        assertThat(UploadedFile.safeName(given)).isEqualTo(kept);
    }

    @Test
    void controlFormatAndUnpairedCharactersAreDropped() {
        assertThat(UploadedFile.safeName("a\u0000b\r\nc\u202Efdp.exe")).isEqualTo("abcfdp.exe");
        assertThat(UploadedFile.safeName("x\uD800y")).isEqualTo("xy");
        assertThat(UploadedFile.safeName(null)).isEqualTo("attachment");
        assertThat(UploadedFile.safeName("长".repeat(300))).hasSize(UploadedFile.MAX_NAME_LENGTH);
    }

    @Test
    void theStoredNameEndsInTheExtensionOfTheType() {
        byte[] pdf = "%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII);
        assertThat(UploadedFile.of("invoice.html", pdf).orElseThrow().fileName()).isEqualTo("invoice.html.pdf");
        assertThat(UploadedFile.of("SCAN.PDF", pdf).orElseThrow().fileName()).isEqualTo("SCAN.PDF");
        assertThat(UploadedFile.of("photo.jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1})
                .orElseThrow().fileName()).isEqualTo("photo.jpeg");
    }
}
