package cn.tongban.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * An uploaded material as it will be stored: the type decided from the first bytes (a name or a declared type
 * says nothing), the file name cut down to a safe one that ends in the type's extension, and the SHA-256 of
 * the bytes.
 */
record UploadedFile(String fileName, FileType type, byte[] content, String sha256) {

    /** Characters of a file name at most; the column holds 255. */
    static final int MAX_NAME_LENGTH = 200;

    /** The file types an applicant may upload, each known by its signature (magic bytes). */
    enum FileType {
        PDF("application/pdf", ".pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
        JPEG("image/jpeg", ".jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", ".png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

        private final String mediaType;
        private final String extension;
        private final byte[] signature;

        FileType(String mediaType, String extension, byte[] signature) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.signature = signature;
        }

        String mediaType() {
            return mediaType;
        }

        static Optional<FileType> of(byte[] content) {
            return Arrays.stream(values())
                    .filter(type -> content.length > type.signature.length
                            && Arrays.equals(content, 0, type.signature.length, type.signature, 0,
                            type.signature.length))
                    .findFirst();
        }

        /** The name ends in this type's extension, so a saved file opens as what it is. */
        String withExtension(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean fits = lower.endsWith(extension) || (this == JPEG && lower.endsWith(".jpeg"));
            return fits ? name : name + extension;
        }
    }

    /** The upload as stored, or empty when its bytes are none of the accepted types. */
    static Optional<UploadedFile> of(String originalName, byte[] content) {
        return FileType.of(content).map(type -> new UploadedFile(type.withExtension(safeName(originalName)), type,
                content, sha256(content)));
    }

    /**
     * The last part of a path (a browser may send {@code C:\fakepath\a.pdf}), without control, format (bidirectional
     * overrides) and unassigned characters and lone surrogates, trimmed, at most {@link #MAX_NAME_LENGTH}
     * characters; "attachment" when nothing is left.
     */
    static String safeName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(UploadedFile::allowed).forEach(kept::appendCodePoint);
        String trimmed = kept.toString().strip().replaceAll("^\\.+", "");
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            trimmed = trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_NAME_LENGTH));
        }
        return trimmed.isBlank() ? "attachment" : trimmed;
    }

    private static boolean allowed(int codePoint) {
        int type = Character.getType(codePoint);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
