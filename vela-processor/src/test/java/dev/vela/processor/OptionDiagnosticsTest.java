package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The checks on backendOpts and topologyOpts. Configurations with options need an optional library
 * that is not on the test class path, so those errors appear too; each test asserts its own.
 */
class OptionDiagnosticsTest {

  @Test
  void suggestsTheNearestKnownNameForATypo() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, backendOpts = {",
        "    @Option(name = \"uri\", value = \"redis://localhost:6379\")})");

    assertThat(compile(source)).hadErrorContaining("backend REDIS has no option 'uri'; did you mean 'url'?")
        .inFile(source).onLineContaining("name = \"uri\"");
  }

  @Test
  void suggestsATopologyOptionForATypoInTopologyOpts() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(topology = Topology.PARTITIONED, topologyOpts = {",
        "    @Option(name = \"clustr\", value = \"shop\")})");

    assertThat(compile(source)).hadErrorContaining("topology PARTITIONED has no option 'clustr'; did you mean 'cluster'?")
        .inFile(source).onLineContaining("name = \"clustr\"");
  }

  @Test
  void saysWhichBackendAnOptionBelongsTo() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backendOpts = {",
        "    @Option(name = \"url\", value = \"redis://localhost:6379\")})");

    assertThat(compile(source)).hadErrorContaining("backend MEMORY has no option 'url'; it is an option of backend REDIS")
        .inFile(source).onLineContaining("name = \"url\"");
  }

  @Test
  void listsTheKnownOptionsWhenNoneIsNear() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"compression\", value = \"on\")})");

    assertThat(compile(source)).hadErrorContaining(
            "topology REPLICATED has no option 'compression'; known options: cluster, jgroupsConfig, bindAddr, port,"
                + " initialHosts, joinTimeout, requireMembers, rpcTimeout")
        .inFile(source).onLineContaining("name = \"compression\"");
  }

  @Test
  void rejectsATopologyOptionInBackendOpts() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, topology = Topology.PARTITIONED, backendOpts = {",
        "    @Option(name = \"url\", value = \"redis://localhost:6379\"),",
        "    @Option(name = \"cluster\", value = \"shop\")})");

    assertThat(compile(source)).hadErrorContaining(
            "'cluster' is an option of topology PARTITIONED, not of backend REDIS; move it to topologyOpts")
        .inFile(source).onLineContaining("name = \"cluster\"");
  }

  @Test
  void rejectsADuplicateOptionOnTheSecondOne() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, backendOpts = {",
        "    @Option(name = \"url\", value = \"redis://one:6379\"),",
        "    @Option(name = \"url\", value = \"redis://two:6379\")})");

    assertThat(compile(source)).hadErrorContaining("option 'url' is given twice in backendOpts; keep one")
        .inFile(source).onLineContaining("redis://two:6379");
  }

  @Test
  void rejectsAnUnclosedPlaceholder() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, backendOpts = @Option(name = \"url\",",
        "    value = \"${REDIS_URL:redis://localhost:6379\"))");

    assertThat(compile(source)).hadErrorContaining(
            "option 'url' has value \"${REDIS_URL:redis://localhost:6379\", which has an unclosed placeholder;"
                + " write ${NAME} or ${NAME:default}")
        .inFile(source).onLineContaining("value = ");
  }

  @Test
  void rejectsAPlaceholderWithoutAName() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(topology = Topology.PARTITIONED, topologyOpts = @Option(name = \"port\",",
        "    value = \"${:7800}\"))");

    assertThat(compile(source)).hadErrorContaining("option 'port' has value \"${:7800}\", which has a placeholder without a name")
        .inFile(source).onLineContaining("value = ");
  }

  @Test
  void checksOnlyThePlaceholderSyntaxOfAValueWithPlaceholders() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, topology = Topology.PARTITIONED,",
        "    backendOpts = @Option(name = \"url\", value = \"${REDIS_URL}\"),",
        "    topologyOpts = @Option(name = \"port\", value = \"${VELA_PORT:7800}\"))");

    Compilation compilation = compile(source);

    assertThat(compilation.errors())
        .extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
        .isNotEmpty()
        .noneMatch(message -> message.contains("has value"));
  }

  @Test
  void rejectsClusterNodesTogetherWithAUrlAndClusterNodesOfTheWrongForm() {
    JavaFileObject both = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, backendOpts = {",
        "    @Option(name = \"clusterNodes\", value = \"10.0.0.1:7000,10.0.0.2:7000\"),",
        "    @Option(name = \"url\", value = \"redis://10.0.0.1:6379\")})");
    JavaFileObject malformed = Sources.cache("OrderCache",
        "@VelaCache(backend = Backend.REDIS,",
        "    backendOpts = @Option(name = \"clusterNodes\", value = \"10.0.0.1:7000,10.0.0.2\"))");

    assertThat(compile(both)).hadErrorContaining("option 'clusterNodes',"
            + " which is given together with url")
        .inFile(both).onLineContaining("clusterNodes");
    assertThat(compile(malformed)).hadErrorContaining("(\"10.0.0.2\" is not host:port); write the seed nodes as"
            + " host:port,host:port,...")
        .inFile(malformed).onLineContaining("clusterNodes");
  }

  @Test
  void aMalformedValueIsShownWithoutItsCredentials() {
    JavaFileObject source = Sources.cache("OrderCache",
        "@VelaCache(backend = Backend.REDIS,",
        "    backendOpts = @Option(name = \"clusterNodes\", value = \"redis://ops:hunter2@10.0.0.1:7000,10.0.0.2\"))");

    assertThat(compile(source)).hadErrorContaining("has value \"redis://10.0.0.1:7000,10.0.0.2\"")
        .inFile(source).onLineContaining("clusterNodes");
    assertThat(compile(source).errors())
        .extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
        .noneMatch(message -> message.contains("hunter2"));
  }

  @Test
  void rejectsAValueThatCannotWorkWithoutPlaceholders() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, topology = Topology.PARTITIONED,",
        "    backendOpts = @Option(name = \"url\", value = \"localhost:6379\"),",
        "    topologyOpts = {",
        "        @Option(name = \"port\", value = \"78OO\"),",
        "        @Option(name = \"rpcTimeout\", value = \"forever\")})");

    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining(
            "option 'url' has value \"localhost:6379\", which is not a Redis URL; write redis://[user:password@]host:port")
        .inFile(source).onLineContaining("\"localhost:6379\"");
    assertThat(compilation).hadErrorContaining("option 'port' has value \"78OO\", which is not a port number")
        .inFile(source).onLineContaining("\"78OO\"");
    assertThat(compilation).hadErrorContaining(
            "option 'rpcTimeout' has value \"forever\", which is not a positive, finite duration")
        .inFile(source).onLineContaining("\"forever\"");
  }

  @Test
  void rejectsAFailureTimeoutTooShortForHeartbeatsToKeepUp() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(topology = Topology.PARTITIONED, topologyOpts = {",
        "    @Option(name = \"failureTimeout\", value = \"100ms\")})");

    assertThat(compile(source)).hadErrorContaining(
            "option 'failureTimeout' has value \"100ms\", which is shorter than 500ms")
        .inFile(source).onLineContaining("\"100ms\"");
  }

  @Test
  void rejectsAShortLiteralClusterSecretButNotAPlaceholder() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"clusterSecret\", value = \"letmein\")})");

    assertThat(compile(source)).hadErrorContaining(
            "option 'clusterSecret' has value \"(secret)\", which is shorter than 16 characters")
        .inFile(source).onLineContaining("\"letmein\"");

    JavaFileObject fromEnvironment = Sources.cache("UserCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"clusterSecret\", value = \"${VELA_CLUSTER_SECRET}\")})");
    assertThat(compile(fromEnvironment).errors())
        .extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
        .noneMatch(message -> message.contains("clusterSecret"));
  }

  @Test
  void rejectsARedisTimeoutThatIsNotADuration() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.REDIS, backendOpts = {",
        "    @Option(name = \"url\", value = \"redis://localhost:6379\"),",
        "    @Option(name = \"timeout\", value = \"2 seconds\")})");

    assertThat(compile(source)).hadErrorContaining(
            "option 'timeout' has value \"2 seconds\", which is not a positive, finite duration")
        .inFile(source).onLineContaining("\"2 seconds\"");
  }

  @Test
  void rejectsAnFsyncThatIsNeitherAlwaysNorADurationButAcceptsBoth() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.DISK, backendOpts = {",
        "    @Option(name = \"dataDir\", value = \"/tmp/vela\"),",
        "    @Option(name = \"fsync\", value = \"sometimes\")})");

    assertThat(compile(source)).hadErrorContaining(
            "option 'fsync' has value \"sometimes\", which is neither always nor a finite duration of at least 1ms")
        .inFile(source).onLineContaining("\"sometimes\"");

    for (String accepted : new String[] {"always", "1s", "250ms"}) {
      Compilation compilation = compile(Sources.cache("UserCache",
          "@VelaCache(backend = Backend.DISK, backendOpts = {",
          "    @Option(name = \"dataDir\", value = \"/tmp/vela\"),",
          "    @Option(name = \"fsync\", value = \"" + accepted + "\")})"));
      assertThat(compilation.errors())
          .extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
          .as("fsync=%s", accepted)
          .noneMatch(message -> message.contains("fsync"));
    }
  }

  @Test
  void rejectsADiskBackendWithoutDataDir() {
    JavaFileObject source = Sources.cache("UserCache", "@VelaCache(", "    backend = Backend.DISK)");

    assertThat(compile(source)).hadErrorContaining(
            "backend DISK needs the option 'dataDir'; add backendOpts = @Option(name = \"dataDir\","
                + " value = \"/var/cache/myapp\")")
        .inFile(source).onLineContaining("backend = Backend.DISK");
  }

  @Test
  void acceptsADiskBackendWithDataDirAsFarAsOptionsGo() {
    JavaFileObject source = Sources.cache("UserCache",
        "@VelaCache(backend = Backend.DISK, backendOpts = @Option(name = \"dataDir\", value = \"${DATA:/tmp/vela}\"))");

    Compilation compilation = compile(source);

    assertThat(compilation.errors())
        .extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
        .noneMatch(message -> message.contains("option"));
    assertThat(compilation.diagnostics()).allMatch(d -> d.getKind() != Diagnostic.Kind.WARNING);
  }
}
