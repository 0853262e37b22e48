package cn.tongban.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads Camunda Forms (.form files, form-js schema as Camunda 7.24's Tasklist supports it). */
public final class FormSchema {

    private FormSchema() {
    }

    /**
     * @param source where the content comes from, named in every problem (e.g. {@code forms/dibao-apply.form})
     * @throws FormSchemaException naming each fault when the content is not a form Tongban can serve
     */
    public static FormDefinition parse(String source, InputStream content) {
        try {
            return SchemaReader.read(source, content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** @see #parse(String, InputStream) */
    public static FormDefinition parse(String source, String json) {
        return SchemaReader.read(source, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same as {@link #parse(String, String)} for several files, reporting the faults of all of them at once. */
    static List<FormDefinition> parseAll(List<Source> sources) {
        List<FormSchemaException.Problem> problems = new ArrayList<>();
        List<FormDefinition> forms = new ArrayList<>();
        for (Source source : sources) {
            try {
                forms.add(SchemaReader.read(source.name(), source.content()));
            } catch (FormSchemaException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new FormSchemaException(problems);
        }
        return forms;
    }

    record Source(String name, byte[] content) {
    }
}
