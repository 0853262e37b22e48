package cn.tongban.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The forms of the application by their {@code id} (the key {@code camunda:formRef} names), read once at start-up
 * from {@code classpath*:forms/**}{@code /*.form}, the same files Camunda deploys for its Tasklist. A broken file
 * stops the start with the file and element named.
 */
public final class FormRegistry {

    /** Where the application's forms are. */
    public static final String LOCATION = "classpath*:forms/**/*.form";

    private final Map<String, FormDefinition> forms;

    /** @throws FormSchemaException when two forms share an id */
    public FormRegistry(Collection<FormDefinition> forms) {
        Map<String, FormDefinition> byId = new LinkedHashMap<>();
        List<FormSchemaException.Problem> problems = new ArrayList<>();
        for (FormDefinition form : forms) {
            FormDefinition other = byId.putIfAbsent(form.id(), form);
            if (other != null) {
                problems.add(new FormSchemaException.Problem(form.source(), "id",
                        "\"" + form.id() + "\" is the id of " + other.source() + " as well"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FormSchemaException(problems);
        }
        this.forms = Collections.unmodifiableMap(byId);
    }

    /**
     * Every .form file matching {@code pattern} (e.g. {@link #LOCATION}), each named in faults by its path below the
     * pattern's base directory ({@code forms/dibao-apply.form}).
     *
     * @throws FormSchemaException listing the faults of every broken file
     */
    public static FormRegistry load(ResourcePatternResolver resolver, String pattern) {
        List<FormSchema.Source> sources = new ArrayList<>();
        try {
            Resource[] resources = resolver.getResources(pattern);
            List<Resource> sorted = new ArrayList<>(List.of(resources));
            sorted.sort(Comparator.comparing(FormRegistry::url));
            for (Resource resource : sorted) {
                try (InputStream in = resource.getInputStream()) {
                    sources.add(new FormSchema.Source(name(pattern, resource), in.readAllBytes()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms at " + pattern, e);
        }
        return new FormRegistry(FormSchema.parseAll(sources));
    }

    public Optional<FormDefinition> find(String id) {
        return Optional.ofNullable(id).map(forms::get);
    }

    /** @throws NoSuchElementException when there is no form with that id */
    public FormDefinition get(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("no form with id " + id));
    }

    /** All forms, in the order of their files. */
    public Collection<FormDefinition> all() {
        return forms.values();
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    /** {@code classpath*:forms/**}{@code /*.form} and {@code .../classes/forms/a/b.form} give {@code forms/a/b.form}. */
    static String name(String pattern, Resource resource) {
        String base = pattern.replaceFirst("^[a-z*]+:", "");
        int wildcard = indexOfWildcard(base);
        base = base.substring(0, wildcard < 0 ? base.length() : wildcard);
        base = base.substring(0, base.lastIndexOf('/') + 1);
        String url = url(resource);
        int at = base.isEmpty() ? -1 : url.lastIndexOf("/" + base);
        if (at >= 0) {
            return url.substring(at + 1);
        }
        return resource.getFilename() != null ? base + resource.getFilename() : url;
    }

    private static int indexOfWildcard(String path) {
        int star = path.indexOf('*');
        int question = path.indexOf('?');
        if (star < 0) {
            return question;
        }
        return question < 0 ? star : Math.min(star, question);
    }
}
