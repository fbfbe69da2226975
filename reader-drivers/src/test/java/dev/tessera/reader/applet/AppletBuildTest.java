package dev.tessera.reader.applet;

import static org.assertj.core.api.Assertions.assertThat;

import com.licel.jcardsim.base.Simulator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The applet must also build for a real card's converter: Java 8 class files, no warnings, Java Card API only. */
class AppletBuildTest {

    @Test
    void theAppletCompilesForRelease8AgainstTheJavaCardApiAlone(@TempDir Path out) throws Exception {
        Path sources = Path.of("src/main/java/dev/tessera/reader/applet");
        List<String> args = new ArrayList<>(List.of("--release", "8", "-Xlint:all,-options", "-Werror", "-d", out.toString(),
                "-cp", Path.of(Simulator.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
        try (Stream<Path> files = Files.list(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        int code = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                diagnostics.write(b);
            }
        }), args.toArray(String[]::new));
        assertThat(code).as(diagnostics.toString()).isZero();
        assertThat(out.resolve("dev/tessera/reader/applet/WalletApplet.class")).exists();
    }
}
