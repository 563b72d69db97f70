package dev.vela.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import org.jgroups.util.DefaultSocketFactory;
import org.jgroups.util.SocketFactory;

/**
 * Listening sockets for the built-in stack's transport whose accepted connections keep blocking
 * reads. JGroups reads the address of a node that connects with a read timeout, and the JDK's
 * socket turns non-blocking for good the first time it is given one: every later read of that
 * connection then costs a read that finds nothing, a {@code poll} and the read again, three system
 * calls where a blocking read makes one, on the thread that reads every frame from that node.
 *
 * <p>The sockets accepted here keep the timeout they are given instead of handing it to the JDK: a
 * timeout set ({@link Accepted#setSoTimeout} above 0) and not lifted within its time closes the
 * socket, which ends a read that waits on it as a timeout would have (JGroups then drops the
 * connection). JGroups sets one only around that first read, so a node that connects and says
 * nothing is still dropped in time, and never holds up the thread that accepts connections.
 */
final class BlockingReads extends ServerSocketFactory {
  private static final ScheduledExecutorService WATCHDOG = watchdog();

  private final ScheduledExecutorService timer;

  /** A factory whose timeouts run on {@code timer}. */
  BlockingReads(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** A JGroups socket factory with plain client sockets and listening sockets of this kind. */
  static SocketFactory socketFactory() {
    return new DefaultSocketFactory(javax.net.SocketFactory.getDefault(), new BlockingReads(WATCHDOG));
  }

  private static ScheduledExecutorService watchdog() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "vela-cluster-accept-timeouts");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setKeepAliveTime(10, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true); // no thread of its own while no connection is being accepted
    return executor;
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new Listener(timer);
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new java.net.InetSocketAddress(port));
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new java.net.InetSocketAddress(port), backlog);
    return socket;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket socket = createServerSocket();
    socket.bind(new java.net.InetSocketAddress(address, port), backlog);
    return socket;
  }

  /** A listening socket that accepts {@link Accepted} sockets. */
  static final class Listener extends ServerSocket {
    private final ScheduledExecutorService timer;

    Listener(ScheduledExecutorService timer) throws IOException {
      this.timer = timer;
    }

    @Override
    public Socket accept() throws IOException {
      if (isClosed()) {
        throw new SocketException("Socket is closed");
      }
      if (!isBound()) {
        throw new SocketException("Socket is not bound yet");
      }
      Socket accepted = new Accepted(timer);
      implAccept(accepted);
      return accepted;
    }
  }

  /** An accepted socket whose read timeout closes it instead of turning it non-blocking. */
  static final class Accepted extends Socket {
    private final ScheduledExecutorService timer;
    private int timeout; // guarded by this
    private ScheduledFuture<?> expiry; // guarded by this

    Accepted(ScheduledExecutorService timer) {
      this.timer = timer;
    }

    /**
     * Closes this socket {@code timeout} ms from now unless it is set again first ({@code 0}: never);
     * the JDK's socket is left without a timeout, so its reads stay blocking.
     */
    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
      if (isClosed()) {
        throw new SocketException("Socket is closed");
      }
      if (timeout < 0) {
        throw new IllegalArgumentException("timeout < 0");
      }
      this.timeout = timeout;
      if (expiry != null) {
        expiry.cancel(false);
        expiry = null;
      }
      if (timeout > 0) {
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = timer.schedule(() -> expire(self), timeout, TimeUnit.MILLISECONDS);
        expiry = self[0];
      }
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
      if (isClosed()) {
        throw new SocketException("Socket is closed");
      }
      return timeout;
    }

    /** True while a timeout is set and has not run out. */
    synchronized boolean timing() {
      return expiry != null;
    }

    private void expire(ScheduledFuture<?>[] which) {
      synchronized (this) { // which[0] is set under this lock, before it is released
        if (expiry == null || expiry != which[0]) {
          return; // lifted or set again meanwhile
        }
        expiry = null;
      }
      try {
        close(); // ends a read waiting on it, as its timeout would have
      } catch (IOException e) {
        // closed already
      }
    }

    @Override
    public void close() throws IOException {
      synchronized (this) {
        if (expiry != null) {
          expiry.cancel(false);
          expiry = null;
        }
      }
      super.close();
    }
  }
}
