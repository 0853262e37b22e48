package cn.tongban.catalog.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a JSON document starts, by JSON Pointer, so that a rule broken by an element
 * can be reported at that element's line. Reading the document this way also finds every syntax
 * error, duplicate keys included.
 */
final class LineIndex {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Map<String, JsonLocation> locations = new HashMap<>();

    private LineIndex() {
    }

    static LineIndex of(String json) throws IOException {
        LineIndex index = new LineIndex();
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new JsonParseException(parser, "the file is empty");
            }
            index.walk(parser, "");
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the end of the document");
            }
        }
        return index;
    }

    private void walk(JsonParser parser, String pointer) throws IOException {
        locations.put(pointer, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                walk(parser, pointer + "/" + escape(field));
            }
        } else if (token == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                walk(parser, pointer + "/" + i++);
            }
        }
    }

    /** The location of the value at a pointer, or of its nearest enclosing value when it is absent. */
    JsonLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation location = locations.get(p);
            if (location != null || p.isEmpty()) {
                return location != null ? location : JsonLocation.NA;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** RFC 6901 escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
