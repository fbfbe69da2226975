package dev.tessera.designer.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/dev/tessera/designer/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> japanese = new TreeSet<>(load("messages_ja.properties").stringPropertyNames());
        assertThat(japanese).isEqualTo(english);
    }

    @Test
    void everyPatternParsesAndTheJapaneseIsJapanese() throws IOException {
        Properties english = load("messages.properties");
        Properties japanese = load("messages_ja.properties");
        for (String key : english.stringPropertyNames()) {
            new MessageFormat(english.getProperty(key));
            new MessageFormat(japanese.getProperty(key));
        }
        assertThat(japanese.getProperty("toolbar.undo")).isEqualTo("元に戻す");
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern use = Pattern.compile("Messages\\.get\\(\"([a-zA-Z0-9_.]+)\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(source));
                while (m.find()) {
                    if (!english.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " in " + source.getFileName());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
