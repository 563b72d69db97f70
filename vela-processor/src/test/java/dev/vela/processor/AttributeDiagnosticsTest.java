package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.Compilations.compile;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks on attribute values: durations, sizes, eviction, telemetry prefix, names and useless settings. */
class AttributeDiagnosticsTest {

  @ParameterizedTest
  @ValueSource(strings = {"defaultTtl", "stampedeTimeout", "sweepInterval", "nearCacheL1Ttl"})
  void rejectsADurationThatDoesNotParse(String attribute) {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    " + attribute + " = \"5 minutes\")");

    assertThat(compile(source)).hadErrorContaining(
            attribute + ": \"5 minutes\" is not a duration; write a whole number with ms, s, m, h or d")
        .inFile(source).onLineContaining(attribute + " = ");
  }

  @Test
  void rejectsABadIsoDuration() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    defaultTtl = \"PT5X\")");

    assertThat(compile(source)).hadErrorContaining("defaultTtl: \"PT5X\" is not an ISO-8601 duration such as PT5M")
        .inFile(source).onLineContaining("defaultTtl = ");
  }

  @ParameterizedTest
  @CsvSource({"0s, zero", "PT-5S, negative"})
  void rejectsADurationThatIsNotPositive(String written, String what) {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    sweepInterval = \"" + written + "\")");

    assertThat(compile(source)).hadErrorContaining(
            "sweepInterval must be positive, but \"" + written + "\" is " + what
                + "; use a positive duration such as \"30s\"")
        .inFile(source).onLineContaining("sweepInterval = ");
  }

  @ParameterizedTest
  @CsvSource({"stampedeTimeout, 5s, a caller would wait forever", "nearCacheL1Ttl, 60s, the near cache's entries must expire"})
  void rejectsInfinityWhereADurationMustBeFinite(String attribute, String example, String why) {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.MEMORY,", "    " + attribute + " = \"infinity\")");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(attribute + " cannot be \"infinity\", because " + why)
        .inFile(source).onLineContaining(attribute + " = ");
    assertThat(compilation).hadErrorContaining("use a finite duration such as \"" + example + "\"");
  }

  @Test
  void acceptsInfinityForTheDefaultTtlAndTheSweepInterval() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(defaultTtl = \"infinity\", sweepInterval = \"INFINITY\")");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache").contentsAsUtf8String()
        .contains(".sweepInterval(Expiry.NEVER)");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -2, -100})
  void rejectsAMaxSizeThatIsNeitherUnboundedNorPositive(long maxSize) {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(evictionPolicy = EvictionPolicy.LRU,", "    maxSize = " + maxSize + ")");

    assertThat(compile(source)).hadErrorContaining("maxSize must be -1 (unbounded) or at least 1, was " + maxSize)
        .inFile(source).onLineContaining("maxSize = ");
  }

  @Test
  void aMaxSizeAloneEvictsAdaptivelyAndLeavesThePolicyToTheBuilder() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    maxSize = 1000)");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache").contentsAsUtf8String()
        .contains(".maxSize(1000L)");
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache").contentsAsUtf8String()
        .doesNotContain("evictionPolicy");
  }

  @Test
  void rejectsAMaxSizeWithAnExplicitTtlOnlyNamingAdaptive() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(evictionPolicy = EvictionPolicy.TTL_ONLY,",
        "    maxSize = 1000)");

    assertThat(compile(source)).hadErrorContaining(
            "maxSize 1000 needs an eviction policy that evicts, but evictionPolicy is TTL_ONLY, which never does;"
                + " leave evictionPolicy out to get ADAPTIVE (or choose LRU or LFU), or remove the limit")
        .inFile(source).onLineContaining("maxSize = 1000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"LRU", "LFU", "ADAPTIVE"})
  void rejectsAnEvictionPolicyWithoutALimit(String policy) {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    evictionPolicy = EvictionPolicy." + policy + ")");

    assertThat(compile(source)).hadErrorContaining(
            "evictionPolicy " + policy + " evicts only when maxSize or maxWeight is reached, but neither is set")
        .inFile(source).onLineContaining("evictionPolicy = ");
  }

  @Test
  void rejectsMaxSizeAndMaxWeightTogetherOnMaxWeight() {
    JavaFileObject weigher = Sources.acme("Sizes",
        "public class Sizes implements dev.vela.Weigher<String, String> {",
        "  public int weigh(String key, String value) { return value.length(); }",
        "}");
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(maxSize = 10, weigher = Sizes.class,",
        "    maxWeight = 1000)");

    assertThat(compile(source, weigher)).hadErrorContaining(
            "maxSize 10 and maxWeight 1000 are both set, but a cache is bounded by entries or by weight")
        .inFile(source).onLineContaining("maxWeight = 1000");
  }

  @Test
  void rejectsAMaxSizeOnRedisPointingToMaxmemoryPolicy() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(backend = Backend.REDIS,",
        "    maxSize = 1000)");

    assertThat(compile(source)).hadErrorContaining("maxSize cannot bound a REDIS cache")
        .inFile(source).onLineContaining("maxSize = 1000");
    assertThat(compile(source)).hadErrorContaining("maxmemory-policy");
  }

  @Test
  void rejectsAMaxWeightOnDiskOnMaxWeight() {
    JavaFileObject weigher = Sources.acme("Sizes",
        "public class Sizes implements dev.vela.Weigher<String, String> {",
        "  public int weigh(String key, String value) { return value.length(); }",
        "}");
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(backend = Backend.DISK,",
        "    backendOpts = @Option(name = \"dataDir\", value = \"/tmp/users\"), weigher = Sizes.class,",
        "    maxWeight = 1000)");

    assertThat(compile(source, weigher)).hadErrorContaining("maxWeight 1000 cannot bound a DISK cache")
        .inFile(source).onLineContaining("maxWeight = 1000");
  }

  @Test
  void aWeigherClassIsCreatedByTheGeneratedBuilder() {
    JavaFileObject weigher = Sources.acme("Sizes",
        "public class Sizes implements dev.vela.Weigher<String, String> {",
        "  public int weigh(String key, String value) { return value.length(); }",
        "}");
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(maxWeight = 1_000_000, weigher = Sizes.class)");

    Compilation compilation = compile(source, weigher);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache").contentsAsUtf8String()
        .contains(".maxWeight(1000000L)");
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache").contentsAsUtf8String()
        .contains(".weigher(new Sizes())");
  }

  @Test
  void rejectsAWeigherThatIsNoWeigherOnItsValue() {
    JavaFileObject notAWeigher = Sources.acme("Sizes", "public class Sizes {}");
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(maxWeight = 100,",
        "    weigher = Sizes.class)");

    assertThat(compile(source, notAWeigher)).hadErrorContaining(
            "weigher com.acme.Sizes does not implement dev.vela.Weigher")
        .inFile(source).onLineContaining("weigher = Sizes.class");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "String, Integer       | java.lang.String, java.lang.Integer",
      "Integer, String       | java.lang.Integer, java.lang.String",
      "Object, CharSequence  | ",
      "CharSequence, String  | "})
  void rejectsAWeigherOfOtherTypesThanTheCachesOnItsValue(String weighs, String rejected) {
    JavaFileObject weigher = Sources.acme("Sizes",
        "public class Sizes implements dev.vela.Weigher<" + weighs + "> {",
        "  public int weigh(" + weighs.replace(",", " key,") + " value) { return 1; }",
        "}");
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(maxWeight = 100,", "    weigher = Sizes.class)");

    Compilation compilation = compile(source, weigher);

    if (rejected == null) {
      assertThat(compilation).succeededWithoutWarnings(); // a weigher of supertypes weighs the entries
      return;
    }
    assertThat(compilation).hadErrorContaining("weigher com.acme.Sizes implements Weigher<" + rejected
            + ">, which cannot weigh the entries of UserCache, a Cache<java.lang.String, java.lang.String>;"
            + " make it a Weigher of the cache's key and value types, or of supertypes of them")
        .inFile(source).onLineContaining("weigher = Sizes.class");
    assertThat(compilation).hadErrorCount(1); // ours only: no generated code that javac rejects
  }

  @Test
  void rejectsAMaxWeightWithoutAWeigher() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    maxWeight = 100)");

    assertThat(compile(source)).hadErrorContaining("maxWeight 100 needs a weigher")
        .inFile(source).onLineContaining("maxWeight = 100");
  }

  @Test
  void rejectsEachBadTelemetryPrefixPartOnItsOwnValue() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(telemetryPrefix = {",
        "    \"my-app\",",
        "    \"cache\",",
        "    \"2nd\"})");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "telemetryPrefix part \"my-app\" is not a valid meter name part; start with a letter and use only letters, digits and _")
        .inFile(source).onLineContaining("\"my-app\"");
    assertThat(compilation).hadErrorContaining("telemetryPrefix part \"2nd\"")
        .inFile(source).onLineContaining("\"2nd\"");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void rejectsABlankName() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    name = \"   \")");

    assertThat(compile(source)).hadErrorContaining(
            "name \"   \" must be 1 to 200 characters and not blank; leave it out to use the interface's simple name")
        .inFile(source).onLineContaining("name = ");
  }

  @Test
  void rejectsANameLongerThan200Characters() {
    String longName = "n".repeat(201);
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    name = \"" + longName + "\")");

    assertThat(compile(source)).hadErrorContaining("name \"" + longName + "\" must be 1 to 200 characters")
        .inFile(source).onLineContaining("name = ");
  }

  @Test
  void rejectsTwoCachesWithOneName() {
    JavaFileObject first = Sources.cache("UserCache", "@VelaCache(name = \"users\")");
    JavaFileObject second = Sources.cache("AccountCache", "@VelaCache(", "    name = \"users\")");

    Compilation compilation = compile(first, second);

    assertThat(compilation).hadErrorContaining(
            "two caches are named 'users' (com.acme.UserCache and com.acme.AccountCache); give one of them another"
                + " name with name = \"...\"")
        .inFile(second).onLineContaining("name = \"users\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void rejectsAnExplicitNameThatEqualsAnotherCachesDefaultName() {
    JavaFileObject first = Sources.cache("UserCache", "@VelaCache");
    JavaFileObject second = Sources.cache("AccountCache", "@VelaCache(name = \"UserCache\")");

    assertThat(compile(first, second)).hadErrorContaining(
            "two caches are named 'UserCache' (com.acme.UserCache and com.acme.AccountCache)")
        .inFile(second).onLineContaining("@VelaCache(name");
  }

  @Test
  void warnsOfANearCacheInFrontOfALocalMemoryCache() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    nearCache = true)");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            "nearCache = true does nothing in front of a LOCAL MEMORY cache, whose entries are already on this heap")
        .inFile(source).onLineContaining("nearCache = true");
    assertThat(compilation).generatedSourceFile("com.acme.VelaUserCache");
  }
}
