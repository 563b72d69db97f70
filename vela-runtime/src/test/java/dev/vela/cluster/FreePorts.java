package dev.vela.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 that nothing listens on right now, for test nodes. */
public final class FreePorts {
  private FreePorts() {}

  /** A free port below 60000, so that FD_SOCK2's port (100 above) is a valid port too. */
  public static int next() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (port < 60_000) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port below 60000 on 127.0.0.1");
  }
}
