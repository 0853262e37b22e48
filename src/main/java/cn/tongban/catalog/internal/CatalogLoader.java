package cn.tongban.catalog.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.tongban.catalog.CatalogSeedException;
import cn.tongban.catalog.CatalogSeedException.Problem;
import cn.tongban.catalog.Districts;
import cn.tongban.catalog.PolicyFigures;
import cn.tongban.catalog.ServiceCatalog;
import cn.tongban.catalog.internal.SeedDocuments.DistrictsDocument;
import cn.tongban.catalog.internal.SeedDocuments.PolicyFiguresDocument;
import cn.tongban.catalog.internal.SeedDocuments.ServicesDocument;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads and checks the catalogue seed files. Every fault is reported with the file and the line of the
 * element at fault (syntax and type errors: where the reader stopped); a file with any fault yields no data.
 */
public final class CatalogLoader {

    public static final String SERVICES = "services.json";
    public static final String DISTRICTS = "districts.json";
    public static final String POLICY_FIGURES = "policy-figures.json";

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "30" where 30 is meant, or "true" for true, is a slip worth reporting
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /**
     * The three files from one location, such as {@code classpath:seeds/catalog/}, reporting the faults
     * of all of them at once.
     */
    public CatalogSeeds load(ResourceLoader resourceLoader, String location) {
        String base = location.endsWith("/") ? location : location + "/";
        List<Problem> problems = new ArrayList<>();
        PolicyFigures figures = read(resourceLoader, base + POLICY_FIGURES, PolicyFiguresDocument.class,
                PolicyFiguresCheck::check, problems);
        Districts districts = read(resourceLoader, base + DISTRICTS, DistrictsDocument.class,
                DistrictsCheck::check, problems);
        ServiceCatalog services = read(resourceLoader, base + SERVICES, ServicesDocument.class,
                (file, doc) -> ServicesCheck.check(file, doc, figures), problems);
        return orThrow(new CatalogSeeds(services, districts, figures), problems);
    }

    public PolicyFigures readPolicyFigures(String name, InputStream in) {
        List<Problem> problems = new ArrayList<>();
        return orThrow(read(name, in, PolicyFiguresDocument.class, PolicyFiguresCheck::check, problems), problems);
    }

    public Districts readDistricts(String name, InputStream in) {
        List<Problem> problems = new ArrayList<>();
        return orThrow(read(name, in, DistrictsDocument.class, DistrictsCheck::check, problems), problems);
    }

    /** The rule periods that materials name are checked against {@code figures}. */
    public ServiceCatalog readServices(String name, InputStream in, PolicyFigures figures) {
        List<Problem> problems = new ArrayList<>();
        return orThrow(read(name, in, ServicesDocument.class, (file, doc) -> ServicesCheck.check(file, doc, figures),
                problems), problems);
    }

    private static <T> T orThrow(T result, List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new CatalogSeedException(problems, null);
        }
        return result;
    }

    /** Reads the file at a resource location, named in problems by that location. */
    private <D, T> T read(ResourceLoader resourceLoader, String name, Class<D> type,
                          BiFunction<SeedFile, D, T> check, List<Problem> problems) {
        Resource resource = resourceLoader.getResource(name);
        if (!resource.exists()) {
            problems.add(new Problem(name, 0, 0, "the file does not exist"));
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return read(name, in, type, check, problems);
        } catch (IOException e) {
            problems.add(new Problem(name, 0, 0, "the file cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private <D, T> T read(String name, InputStream in, Class<D> type, BiFunction<SeedFile, D, T> check,
                          List<Problem> problems) {
        String text;
        LineIndex index;
        try {
            // decoded first, so that columns count characters rather than UTF-8 bytes
            text = UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            index = LineIndex.of(text);
        } catch (CharacterCodingException e) {
            problems.add(new Problem(name, 0, 0, "the file is not UTF-8 text"));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(SeedFile.problemAt(name, e.getLocation(), "not valid JSON: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(name, 0, 0, "the file cannot be read: " + e.getMessage()));
            return null;
        }
        D document;
        try {
            document = mapper.readValue(text, type);
        } catch (JsonMappingException e) {
            String pointer = pointer(e);
            JsonLocation where = e.getLocation() != null ? e.getLocation() : index.locate(pointer);
            problems.add(SeedFile.problemAt(name, where, (pointer.isEmpty() ? "" : pointer + ": ") + describe(e)));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(SeedFile.problemAt(name, e.getLocation(), "not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        SeedFile file = new SeedFile(name, index);
        T result = check.apply(file, document);
        problems.addAll(file.problems());
        return result;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                pointer.append('/').append(LineIndex.escape(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                pointer.append('/').append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'; expected one of " + unknown.getKnownPropertyIds();
        }
        // the reader's own type names and hints mean nothing to whoever edits the file
        return e.getOriginalMessage()
                .replace(SeedDocuments.class.getName() + "$", "")
                .replace("cn.tongban.catalog.", "")
                .replaceAll(" \\(but might if coercion .*\\)", "");
    }
}
