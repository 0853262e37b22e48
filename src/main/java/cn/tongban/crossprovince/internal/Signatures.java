package cn.tongban.crossprovince.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a message between authorities: HMAC-SHA256, under the secret the two share, over the
 * timestamp, the message id and the body, each followed by a line feed except the body. Base64 in the header.
 */
public final class Signatures {

    /** The sending authority's id (its code). */
    public static final String AUTHORITY = "X-Tongban-Authority";
    public static final String MESSAGE_ID = "X-Tongban-Message-Id";
    /** ISO-8601 with offset; must lie within the replay window of the receiver's clock. */
    public static final String TIMESTAMP = "X-Tongban-Timestamp";
    public static final String SIGNATURE = "X-Tongban-Signature";

    private static final String HMAC = "HmacSHA256";

    private Signatures() {
    }

    public static String sign(String secret, String timestamp, String messageId, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            mac.update((timestamp + "\n" + messageId + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Compares in constant time, so the answer's timing tells nothing about the expected signature. */
    static boolean verify(String secret, String timestamp, String messageId, byte[] body, String signature) {
        byte[] expected = sign(secret, timestamp, messageId, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
