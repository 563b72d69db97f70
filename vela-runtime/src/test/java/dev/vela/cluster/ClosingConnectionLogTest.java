package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jgroups.logging.Log;
import org.junit.jupiter.api.Test;

/** What the built-in transport's connections log of their closing, and at which level. */
class ClosingConnectionLogTest {

  /** A log that records each call as "method: first argument". */
  private static Log recording(List<String> calls) {
    return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
        (proxy, method, args) -> {
          calls.add(method.getName() + ": " + (args == null ? "" : args[0]));
          return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
  }

  @Test
  void aGoodbyeThatCouldNotBeSentIsLoggedAtDebug() {
    List<String> calls = new CopyOnWriteArrayList<>();
    Log log = new ClosingConnectionLog(recording(calls));

    log.error(ClosingConnectionLog.FAILED_GOODBYE, "127.0.0.1:7800", "127.0.0.1:7801", "Socket closed");

    assertThat(calls).containsExactly("debug: " + ClosingConnectionLog.FAILED_GOODBYE);
  }

  @Test
  void aReadOfAStreamClosedHereIsLoggedAtDebug() {
    List<String> calls = new CopyOnWriteArrayList<>();
    Log log = new ClosingConnectionLog(recording(calls));

    log.warn("127.0.0.1:7800: failed handling message", new java.io.IOException("Stream closed"));
    log.warn("%s: failed handling message: %s", "127.0.0.1:7800", "Stream closed");

    assertThat(calls).containsExactly("debug: 127.0.0.1:7800: failed handling message",
        "debug: %s: failed handling message: %s");
  }

  @Test
  void everyOtherMessageKeepsItsLevel() {
    List<String> calls = new CopyOnWriteArrayList<>();
    Log log = new ClosingConnectionLog(recording(calls));

    log.error("%s: failed sending data to %s: %s", "a", "b", "c");
    log.error("failed");
    log.warn("%s: slow", "a");
    log.warn("127.0.0.1:7800: failed handling message", new java.io.IOException("Connection reset"));
    log.warn("%s: failed handling message: %s", "127.0.0.1:7800", "Connection reset");
    log.info("joined");

    assertThat(calls).containsExactly("error: %s: failed sending data to %s: %s", "error: failed", "warn: %s: slow",
        "warn: 127.0.0.1:7800: failed handling message", "warn: %s: failed handling message: %s", "info: joined");
  }

  @Test
  void theBuiltInStacksConnectionsLogThroughIt() {
    List<VelaCluster> nodes = LoopbackNodes.start("goodbye-log", 2);
    try {
      for (VelaCluster node : nodes) {
        TcpTransport transport = (TcpTransport) node.jgroupsChannel().getProtocolStack().getTransport();
        assertThat(transport.connectionLog()).isInstanceOf(ClosingConnectionLog.class);
      }
    } finally {
      nodes.forEach(VelaCluster::close);
    }
  }
}
