package dev.vela.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Ports on 127.0.0.1 that nothing listens on right now, for test nodes. They come from below the
 * ephemeral range (32768 and up on Linux, 49152 and up elsewhere): a port the system handed out
 * as ephemeral may become the local end of some outgoing connection before the node binds it,
 * which a loaded machine running several builds sees often. No port is handed out twice per JVM,
 * nor one that a node started on an earlier port would bind for its failure detector.
 *
 * <p>Nor twice on one machine while the JVM that took it runs: between the check that a port is
 * free and the moment a node (often in a child JVM that takes a second to start) binds it, a test
 * of another build running at the same time could pick the same port, and one of the two nodes
 * would fail to bind. So each port handed out, and its failure-detector ports, are held by a lock
 * on a file of that port's name in a directory all builds share; the operating system releases
 * the locks when this JVM ends.
 */
public final class FreePorts {
  private static final int LOWEST = 20_000;
  /** FD_SOCK2 listens 100 above a node's port, and that must stay below the ephemeral range too. */
  private static final int HIGHEST = 32_000;
  private static final int FAILURE_DETECTOR_OFFSET = 100;
  /** FD_SOCK2 tries a few ports above its first when that one is taken. */
  private static final int FAILURE_DETECTOR_RANGE = 5;
  /** Ports handed out, and the failure-detector ports their nodes will bind later. */
  private static final Set<Integer> RESERVED = new HashSet<>();
  /** Where every build on this machine locks the ports its tests took. */
  private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "vela-test-ports");
  /** The locks this JVM holds; never released before it ends. */
  private static final List<FileLock> HELD = new ArrayList<>();

  private FreePorts() {}

  /** A free port whose failure-detector port (100 above) is free as well. */
  public static synchronized int next() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST - FAILURE_DETECTOR_OFFSET);
      if (!reserved(port) && lockedHere(port) && free(port) && free(port + FAILURE_DETECTOR_OFFSET)) {
        RESERVED.add(port);
        for (int i = 0; i <= FAILURE_DETECTOR_RANGE; i++) {
          RESERVED.add(port + FAILURE_DETECTOR_OFFSET + i);
        }
        return port;
      }
    }
    throw new IllegalStateException("no free port from " + LOWEST + " to " + HIGHEST + " on 127.0.0.1");
  }

  /** The initial hosts of nodes on {@code ports} of 127.0.0.1: {@code 127.0.0.1[port]}, comma-separated. */
  public static String loopbackHosts(int... ports) {
    return Arrays.stream(ports).mapToObj(port -> "127.0.0.1[" + port + "]").collect(Collectors.joining(","));
  }

  /**
   * True when {@code port}, or the failure-detector ports its node would bind, was handed out
   * before: a node started later would find it taken, though it is free now.
   */
  private static boolean reserved(int port) {
    if (RESERVED.contains(port)) {
      return true;
    }
    for (int i = 0; i <= FAILURE_DETECTOR_RANGE; i++) {
      if (RESERVED.contains(port + FAILURE_DETECTOR_OFFSET + i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Locks the files of {@code port} and of its failure-detector ports for this JVM, or none of them
   * when another JVM holds one: false then. Locks taken stay until this JVM ends.
   */
  private static boolean lockedHere(int port) {
    List<FileLock> taken = new ArrayList<>();
    List<Integer> ports = new ArrayList<>(List.of(port));
    for (int i = 0; i <= FAILURE_DETECTOR_RANGE; i++) {
      ports.add(port + FAILURE_DETECTOR_OFFSET + i);
    }
    try {
      Files.createDirectories(LOCKS);
      for (int each : ports) {
        FileChannel file = FileChannel.open(LOCKS.resolve(Integer.toString(each)), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock = file.tryLock();
        if (lock == null) {
          file.close();
          release(taken);
          return false;
        }
        taken.add(lock);
      }
    } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
      release(taken);
      return false;
    }
    HELD.addAll(taken);
    return true;
  }

  private static void release(List<FileLock> locks) {
    for (FileLock lock : locks) {
      try {
        lock.channel().close(); // releases the lock
      } catch (IOException e) {
        // the lock goes when this JVM ends anyway
      }
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
