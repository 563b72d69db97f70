package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Missing optional libraries (none of MapDB, Lettuce and JGroups is on the test class path) and
 * key or value types without a codec where bytes are needed.
 */
class LibraryAndCodecDiagnosticsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "backend = Backend.DISK, backendOpts = @Option(name = \"dataDir\", value = \"/tmp/vela\") | backend = Backend.DISK"
          + " | backend DISK needs org.mapdb.DB on the class path, and it is not there; add the dependency org.mapdb:mapdb:3.1.0",
      "backend = Backend.REDIS | backend = Backend.REDIS"
          + " | backend REDIS needs io.lettuce.core.RedisClient on the class path, and it is not there; add the dependency"
          + " io.lettuce:lettuce-core:6.8.2.RELEASE",
      "topology = Topology.REPLICATED | topology = Topology.REPLICATED"
          + " | topology REPLICATED needs org.jgroups.JChannel on the class path, and it is not there; add the dependency"
          + " org.jgroups:jgroups:5.5.7.Final",
      "topology = Topology.PARTITIONED | topology = Topology.PARTITIONED"
          + " | topology PARTITIONED needs org.jgroups.JChannel on the class path"})
  void namesTheMissingLibraryOnTheAttributeThatNeedsIt(String attributes, String line, String message) {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    " + attributes + ")");

    assertThat(compile(source)).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  @Test
  void reportsBothLibrariesOfARedisPartitionedCache() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(",
        "    backend = Backend.REDIS,",
        "    topology = Topology.PARTITIONED)");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("io.lettuce:lettuce-core").inFile(source).onLineContaining("Backend.REDIS");
    assertThat(compilation).hadErrorContaining("org.jgroups:jgroups").inFile(source).onLineContaining("Topology.PARTITIONED");
  }

  @Test
  void rejectsAValueTypeWithoutCodecWhenTheBackendNeedsBytes() {
    JavaFileObject thing = Sources.acme("Thing", "public class Thing {}");
    JavaFileObject source = Sources.acme("ThingCache",
        "@VelaCache(backend = Backend.REDIS)",
        "public interface ThingCache extends Cache<String, Thing> {}");

    assertThat(compile(thing, source)).hadErrorContaining(
            "the value type com.acme.Thing has no codec, and backend REDIS needs one:")
        .inFile(source).onLineContaining("interface ThingCache");
  }

  @Test
  void rejectsAValueTypeWithoutCodecWhenTheTopologyNeedsBytes() {
    JavaFileObject thing = Sources.acme("Thing", "public class Thing {}");
    JavaFileObject source = Sources.acme("ThingCache",
        "@VelaCache(topology = Topology.PARTITIONED)",
        "public interface ThingCache extends Cache<String, Thing> {}");

    assertThat(compile(thing, source)).hadErrorContaining(
            "the value type com.acme.Thing has no codec, and topology PARTITIONED needs one:")
        .inFile(source).onLineContaining("interface ThingCache");
  }

  @Test
  void acceptsATypeWithoutCodecInALocalMemoryCacheAndRecordsWhy() {
    JavaFileObject thing = Sources.acme("Thing", "public class Thing {}");
    JavaFileObject source = Sources.acme("ThingCache",
        "@VelaCache",
        "public interface ThingCache extends Cache<String, Thing> {}");

    Compilation compilation = compile(thing, source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaThingCache").contentsAsUtf8String()
        .contains("TypeCodec.missing(\"com.acme.Thing\", ");
  }
}
