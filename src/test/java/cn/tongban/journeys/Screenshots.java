package cn.tongban.journeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where screenshots go: every one to {@code target/journeys/<name>.png}; the ones the README shows also to the
 * folder named by {@code -Djourneys.screenshots=docs/screenshots}, which refreshes the README's images.
 */
final class Screenshots {

    static final Path DIRECTORY = Path.of("target", "journeys");
    private static final String README_FOLDER = System.getProperty("journeys.screenshots", "");

    private final String testClass;

    private Screenshots(String testClass) {
        this.testClass = testClass;
    }

    static Screenshots forTest(String testClass) {
        return new Screenshots(testClass);
    }

    Path save(String name, byte[] png) {
        Path file = DIRECTORY.resolve(name + ".png");
        write(file, png);
        return file;
    }

    /** Saves a failure's screenshot under the test class's name, so two classes' failures do not overwrite. */
    Path saveFailure(String name, byte[] png) {
        return save(testClass + "-" + name, png);
    }

    void saveForReadme(String name, byte[] png) {
        save(name, png);
        if (!README_FOLDER.isBlank()) {
            write(Path.of(README_FOLDER).resolve(name + ".png"), png);
        }
    }

    private static void write(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            Files.write(partial, png);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
    }
}
