package dev.vela.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on 127.0.0.1 that nothing listens on right now, for test nodes. They come from below the
 * ephemeral range (32768 and up on Linux, 49152 and up elsewhere): a port the system handed out
 * as ephemeral may become the local end of some outgoing connection before the node binds it,
 * which a loaded machine running several builds sees often. No port is handed out twice per JVM.
 */
public final class FreePorts {
  private static final int LOWEST = 20_000;
  /** FD_SOCK2 listens 100 above a node's port, and that must stay below the ephemeral range too. */
  private static final int HIGHEST = 32_000;
  private static final int FAILURE_DETECTOR_OFFSET = 100;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** A free port whose failure-detector port (100 above) is free as well. */
  public static synchronized int next() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - FAILURE_DETECTOR_OFFSET);
      if (!HANDED_OUT.contains(port) && free(port) && free(port + FAILURE_DETECTOR_OFFSET)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port from " + LOWEST + " to " + HIGHEST + " on 127.0.0.1");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
