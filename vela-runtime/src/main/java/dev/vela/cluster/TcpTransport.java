package dev.vela.cluster;

import org.jgroups.protocols.TCP;

/**
 * The built-in stack's TCP transport: JGroups' own, whose connections log what they report of their
 * own closing at DEBUG rather than ERROR or WARN ({@link ClosingConnectionLog}).
 */
final class TcpTransport extends TCP {

  @Override
  public void start() throws Exception {
    super.start(); // makes the server whose connections log through it
    srv.log(new ClosingConnectionLog(srv.log()));
  }

  /** The log the transport's connections use; null before the transport starts. */
  org.jgroups.logging.Log connectionLog() {
    return srv == null ? null : srv.log();
  }
}
