package dev.tessera.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every label a template uses exists in English and in Japanese. */
class LabelsTest {
    @Test
    void everyLabelExistsInBothLanguagesAndEveryTemplateKeyIsDefined() throws IOException {
        Properties english = load("reports.properties");
        Properties japanese = load("reports_ja.properties");
        assertThat(japanese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        Pattern key = Pattern.compile("\\$R\\{([^}]+)}");
        try (Stream<Path> templates = Files.list(Path.of("src/main/jrxml"))) {
            for (Path template : templates.toList()) {
                Matcher m = key.matcher(Files.readString(template));
                while (m.find()) {
                    assertThat(english).as(template + " uses " + m.group(1)).containsKey(m.group(1));
                }
            }
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LabelsTest.class.getResourceAsStream("/dev/tessera/reports/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
