package dev.vela.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.vela.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.vela.VelaException;
import dev.vela.cluster.ClusterSettings;
import java.util.Locale;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The option rules the compiler refuses because the option catalogue (and its rules between
 * options) says so: each is reported on the value of the option it is about, and the runtime
 * refuses the same settings with the same reason when a cache is built from them.
 */
class OptionRuleDiagnosticsTest {

  @Test
  void anOnCorruptionValueThatIsNoPolicy() {
    String reason = "which is not one of fail, moveAside";
    JavaFileObject source = Sources.cache("SessionCache",
        "@VelaCache(backend = Backend.DISK, backendOpts = {",
        "    @Option(name = \"dataDir\", value = \"/tmp/sessions\"),",
        "    @Option(name = \"onCorruption\",",
        "        value = \"ignore\")})");

    assertThat(compile(source)).hadErrorContaining("option 'onCorruption' has value \"ignore\", " + reason)
        .inFile(source).onLineContaining("value = \"ignore\"");
  }

  @Test
  void initialHostsThatAreNoHostList() {
    String reason = "which holds \"10.0.0.2:7800\", which is not host[port]";
    JavaFileObject source = Sources.cache("StockCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"initialHosts\",",
        "        value = \"10.0.0.1[7800],10.0.0.2:7800\")})");

    assertThat(compile(source)).hadErrorContaining(reason)
        .inFile(source).onLineContaining("value = \"10.0.0.1[7800]");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("initialHosts", "10.0.0.1[7800],10.0.0.2:7800")))
        .isInstanceOf(VelaException.class).hasMessageContaining(reason);
  }

  @Test
  void requireMembersOfNone() {
    String reason = "which is not a count of at least 1 members";
    JavaFileObject source = Sources.cache("StockCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"requireMembers\",",
        "        value = \"0\")})");

    assertThat(compile(source)).hadErrorContaining("option 'requireMembers' has value \"0\", " + reason)
        .inFile(source).onLineContaining("value = \"0\"");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("requireMembers", "0")))
        .isInstanceOf(VelaException.class).hasMessageContaining(reason);
  }

  @Test
  void aClusterSecretWithAStackFileOfOnesOwn() {
    String reason = "option 'clusterSecret', which is given together with jgroupsConfig, but applies to the built-in"
        + " stack only";
    JavaFileObject source = Sources.cache("StockCache",
        "@VelaCache(topology = Topology.PARTITIONED, topologyOpts = {",
        "    @Option(name = \"jgroupsConfig\", value = \"stack.xml\"),",
        "    @Option(name = \"clusterSecret\",",
        "        value = \"0123456789abcdef0123\")})");

    assertThat(compile(source)).hadErrorContaining(reason)
        .inFile(source).onLineContaining("value = \"0123456789abcdef0123\"");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c",
            Map.of("jgroupsConfig", "stack.xml", "clusterSecret", "0123456789abcdef0123")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("clusterSecret, which is given together with jgroupsConfig, but applies to the built-in"
            + " stack only");
  }

  @Test
  void aTlsKeyStoreWithAStackFileOfOnesOwn() {
    JavaFileObject source = Sources.cache("StockCache",
        "@VelaCache(topology = Topology.PARTITIONED, topologyOpts = {",
        "    @Option(name = \"jgroupsConfig\", value = \"stack.xml\"),",
        "    @Option(name = \"tlsTrustStore\", value = \"trust.p12\"),",
        "    @Option(name = \"tlsKeyStore\",",
        "        value = \"node.p12\")})");

    assertThat(compile(source))
        .hadErrorContaining("option 'tlsKeyStore', which is given together with jgroupsConfig")
        .inFile(source).onLineContaining("value = \"node.p12\"");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c",
            Map.of("jgroupsConfig", "stack.xml", "tlsKeyStore", "node.p12", "tlsTrustStore", "trust.p12")))
        .isInstanceOf(VelaException.class)
        .hasMessageContaining("tlsKeyStore, which is given together with jgroupsConfig");
  }

  @Test
  void aTlsKeyStoreWithoutATrustStore() {
    String reason = "which needs tlsTrustStore: tlsKeyStore and tlsTrustStore go together";
    JavaFileObject source = Sources.cache("StockCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"tlsKeyStore\",",
        "        value = \"node.p12\")})");

    assertThat(compile(source)).hadErrorContaining("option 'tlsKeyStore', " + reason)
        .inFile(source).onLineContaining("value = \"node.p12\"");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("tlsKeyStore", "node.p12")))
        .isInstanceOf(VelaException.class).hasMessageContaining(reason);
  }

  @Test
  void aTrustStoreWithoutATlsKeyStore() {
    String reason = "which needs tlsKeyStore: tlsKeyStore and tlsTrustStore go together";
    JavaFileObject source = Sources.cache("StockCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"tlsTrustStore\",",
        "        value = \"trust.p12\")})");

    assertThat(compile(source)).hadErrorContaining("option 'tlsTrustStore', " + reason)
        .inFile(source).onLineContaining("value = \"trust.p12\"");
    assertThatThrownBy(() -> ClusterSettings.fromOptions("c", Map.of("tlsTrustStore", "trust.p12")))
        .isInstanceOf(VelaException.class).hasMessageContaining(reason);
  }

  @Test
  void noRuleBetweenOptionsFiresOnAValueKnownOnlyAtStart() {
    JavaFileObject source = Sources.cache("StockCache",
        "@VelaCache(topology = Topology.REPLICATED, topologyOpts = {",
        "    @Option(name = \"tlsKeyStore\", value = \"${VELA_TLS_KEYSTORE:}\"),",
        "    @Option(name = \"tlsTrustStore\", value = \"${VELA_TLS_TRUSTSTORE:}\")})");

    Compilation compilation = compile(source);

    // JGroups is not on the test class path, so the compilation has that error, and no other
    assertThat(compilation.errors())
        .extracting(diagnostic -> diagnostic.getMessage(Locale.ROOT))
        .isNotEmpty()
        .allMatch(message -> message.contains("org.jgroups"));
  }
}
