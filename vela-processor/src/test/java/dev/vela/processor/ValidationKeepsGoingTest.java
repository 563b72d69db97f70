package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Validation reports every problem of an interface, each on its own line, rather than stopping at the first. */
class ValidationKeepsGoingTest {

  @Test
  void reportsEveryProblemOfOneInterface() {
    JavaFileObject source = Sources.acme("UserCache",
        "@VelaCache(",
        "    defaultTtl = \"soon\",",
        "    maxSize = 100, evictionPolicy = EvictionPolicy.TTL_ONLY,",
        "    telemetryPrefix = {\"shop\", \"user-cache\"},",
        "    backendOpts = @Option(name = \"dataDir\", value = \"/tmp\"),",
        "    nearCacheL1Ttl = \"0ms\")",
        "public interface UserCache extends Cache<String, String> {",
        "  void warmUp();",
        "}");
    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("defaultTtl: \"soon\" is not a duration")
        .inFile(source).onLineContaining("defaultTtl = ");
    assertThat(compilation).hadErrorContaining("maxSize 100 needs an eviction policy that evicts")
        .inFile(source).onLineContaining("maxSize = ");
    assertThat(compilation).hadErrorContaining("telemetryPrefix part \"user-cache\"")
        .inFile(source).onLineContaining("telemetryPrefix = ");
    assertThat(compilation).hadErrorContaining("backend MEMORY has no option 'dataDir'; it is an option of backend DISK")
        .inFile(source).onLineContaining("backendOpts = ");
    assertThat(compilation).hadErrorContaining("nearCacheL1Ttl must be positive, but \"0ms\" is zero")
        .inFile(source).onLineContaining("nearCacheL1Ttl = ");
    assertThat(compilation).hadErrorContaining("UserCache.warmUp() is abstract and not a method of dev.vela.Cache")
        .inFile(source).onLineContaining("void warmUp();");
    assertThat(compilation).hadErrorCount(6);
  }
}
