package dev.vela.benchmarks;

import java.io.IOException;
import java.io.InputStream;

/**
 * The server JVM of {@link RemoteGetMain}: starts one product's server side, prints {@code READY},
 * and serves until its standard input closes (so it never outlives the run that started it).
 *
 * <p>Arguments: product, server port, client port.
 */
public final class RemoteGetServer {
  private RemoteGetServer() {}

  /** Runs the server side until standard input closes. */
  public static void main(String[] args) throws Exception {
    RemoteProduct product = RemoteProduct.named(args[0]);
    int serverPort = Integer.parseInt(args[1]);
    int clientPort = Integer.parseInt(args[2]);
    try (AutoCloseable server = product.serve(serverPort, clientPort)) {
      System.out.println("READY");
      System.out.flush();
      waitForEndOfInput(System.in);
    }
    System.exit(0);
  }

  private static void waitForEndOfInput(InputStream in) {
    try {
      while (in.read() >= 0) {
        // nothing is sent; the run closes the stream when it is done
      }
    } catch (IOException closed) {
      // the run has gone
    }
  }
}
