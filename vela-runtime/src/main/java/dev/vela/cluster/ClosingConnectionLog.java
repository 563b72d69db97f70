package dev.vela.cluster;

import org.jgroups.logging.Log;

/**
 * The log of the built-in transport's connections, which logs at DEBUG what a connection reports of
 * its own closing, and everything else as given.
 *
 * <p>Two reports, both of a race between the thread that closes a connection and the one that reads
 * it, which JGroups logs at ERROR and WARN although nothing was lost:
 * <ul>
 *   <li>a goodbye that could not be sent. A node closing a connection first tells its peer that it
 *       goes on purpose, so the peer does not suspect it. When both nodes close at once (two nodes
 *       of one JVM closed one after the other, or a peer that has just said its own goodbye), the
 *       reading thread may close the socket while the closing thread writes that goodbye;
 *   <li>a read of a stream this node has closed ("Stream closed"): the reading thread was still
 *       waiting in its read when the connection was closed here.
 * </ul>
 */
final class ClosingConnectionLog implements Log {
  /** JGroups' message for a goodbye it could not send (TcpConnection.closeGracefully). */
  static final String FAILED_GOODBYE = "%s: failed sending graceful close to %s: %s";
  /** How JGroups' message for a read that failed ends (TcpConnection.Receiver). */
  static final String FAILED_READ = ": failed handling message";
  /** The JDK's message for a read of a stream closed on this side. */
  static final String CLOSED_HERE = "Stream closed";

  private final Log log;

  ClosingConnectionLog(Log log) {
    this.log = log;
  }

  @Override
  public void error(String format, Object... args) {
    if (FAILED_GOODBYE.equals(format)) {
      log.debug(format, args);
    } else {
      log.error(format, args);
    }
  }

  @Override
  public void warn(String format, Object... args) {
    if (format != null && format.endsWith(FAILED_READ + ": %s") && args.length > 0
        && CLOSED_HERE.equals(args[args.length - 1])) {
      log.debug(format, args);
    } else {
      log.warn(format, args);
    }
  }

  @Override
  public void warn(String msg, Throwable throwable) {
    if (msg != null && msg.endsWith(FAILED_READ) && throwable instanceof java.io.IOException
        && CLOSED_HERE.equals(throwable.getMessage())) {
      log.debug(msg, throwable);
    } else {
      log.warn(msg, throwable);
    }
  }

  @Override
  public boolean isFatalEnabled() {
    return log.isFatalEnabled();
  }

  @Override
  public boolean isErrorEnabled() {
    return log.isErrorEnabled();
  }

  @Override
  public boolean isWarnEnabled() {
    return log.isWarnEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return log.isDebugEnabled();
  }

  @Override
  public boolean isTraceEnabled() {
    return log.isTraceEnabled();
  }

  @Override
  public void fatal(String msg) {
    log.fatal(msg);
  }

  @Override
  public void fatal(String format, Object... args) {
    log.fatal(format, args);
  }

  @Override
  public void fatal(String msg, Throwable throwable) {
    log.fatal(msg, throwable);
  }

  @Override
  public void error(String msg) {
    log.error(msg);
  }

  @Override
  public void error(String msg, Throwable throwable) {
    log.error(msg, throwable);
  }

  @Override
  public void warn(String msg) {
    log.warn(msg);
  }

  @Override
  public void info(String msg) {
    log.info(msg);
  }

  @Override
  public void info(String format, Object... args) {
    log.info(format, args);
  }

  @Override
  public void debug(String msg) {
    log.debug(msg);
  }

  @Override
  public void debug(String format, Object... args) {
    log.debug(format, args);
  }

  @Override
  public void debug(String msg, Throwable throwable) {
    log.debug(msg, throwable);
  }

  @Override
  public void trace(Object msg) {
    log.trace(msg);
  }

  @Override
  public void trace(String msg) {
    log.trace(msg);
  }

  @Override
  public void trace(String format, Object... args) {
    log.trace(format, args);
  }

  @Override
  public void trace(String msg, Throwable throwable) {
    log.trace(msg, throwable);
  }

  @Override
  public void setLevel(String level) {
    log.setLevel(level);
  }

  @Override
  public String getLevel() {
    return log.getLevel();
  }
}
