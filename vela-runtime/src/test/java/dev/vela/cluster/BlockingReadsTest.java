package dev.vela.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The accepted sockets of {@link BlockingReads}: a read timeout closes them instead of making them non-blocking. */
class BlockingReadsTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  BlockingReadsTest() {
    timer.setRemoveOnCancelPolicy(true);
  }

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void aTimeoutThatRunsOutClosesTheSocketAndEndsTheReadThatWaits() throws Exception {
    try (ServerSocket listener = new BlockingReads(timer).createServerSocket(0, 1, LOOPBACK);
        Socket peer = new Socket(LOOPBACK, listener.getLocalPort());
        Socket accepted = listener.accept()) {
      assertThat(accepted).isInstanceOf(BlockingReads.Accepted.class);
      accepted.setSoTimeout(50);
      assertThat(accepted.getSoTimeout()).isEqualTo(50);
      InputStream in = accepted.getInputStream();

      // the peer says nothing: the read must end, as it would with the JDK's timeout
      assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(in::read).isInstanceOf(IOException.class));
      assertThat(accepted.isClosed()).isTrue();
    }
  }

  @Test
  void aTimeoutLiftedInTimeLeavesTheSocketOpenAndReadable() throws Exception {
    try (ServerSocket listener = new BlockingReads(timer).createServerSocket(0, 1, LOOPBACK);
        Socket peer = new Socket(LOOPBACK, listener.getLocalPort());
        Socket accepted = listener.accept()) {
      accepted.setSoTimeout(50);
      accepted.setSoTimeout(0);
      assertThat(((BlockingReads.Accepted) accepted).timing()).isFalse();
      assertThat(accepted.getSoTimeout()).isZero();

      // a task due after the lifted timeout's time: once it ran, that timeout would have run too
      CountDownLatch past = new CountDownLatch(1);
      timer.schedule(past::countDown, 100, TimeUnit.MILLISECONDS);
      assertThat(past.await(20, TimeUnit.SECONDS)).isTrue();

      assertThat(accepted.isClosed()).isFalse();
      peer.getOutputStream().write(7);
      peer.getOutputStream().flush();
      assertThat(accepted.getInputStream().read()).isEqualTo(7);
    }
  }

  @Test
  void closingCancelsTheTimeout() throws Exception {
    try (ServerSocket listener = new BlockingReads(timer).createServerSocket(0, 1, LOOPBACK);
        Socket peer = new Socket(LOOPBACK, listener.getLocalPort())) {
      BlockingReads.Accepted accepted = (BlockingReads.Accepted) listener.accept();
      accepted.setSoTimeout(60_000);
      assertThat(accepted.timing()).isTrue();

      accepted.close();

      assertThat(accepted.timing()).isFalse();
      assertThat(timer.getQueue()).isEmpty();
      assertThatThrownBy(() -> accepted.setSoTimeout(10)).isInstanceOf(java.net.SocketException.class);
    }
  }
}
